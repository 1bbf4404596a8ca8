; generated x87 op mix (seed 36), compared natively and under retrace.
; EXPECT rax=0
%include "prologue.inc"
section .data
align 16
d0: dq 1.5
f0: dd 1.5
t0: dt 1.5
d1: dq -2.25
f1: dd -2.25
t1: dt -2.25
d2: dq 3.0e10
f2: dd 3.0e10
t2: dt 3.0e10
d3: dq 1.0e-30
f3: dd 1.0e-30
t3: dt 1.0e-30
d4: dq 0.0
f4: dd 0.0
t4: dt 0.0
d5: dq -0.0
f5: dd -0.0
t5: dt -0.0
d6: dq 7.0
f6: dd 7.0
t6: dt 7.0
d7: dq 0.1
f7: dd 0.1
t7: dt 0.1
d8: dq 1.0e300
f8: dd 1.0
t8: dt 1.0e300
d9: dq -1.0e-310
f9: dd 1.0
t9: dt -1.0e-310
d10: dq 1.0e4000
f10: dd 1.0
t10: dt 1.0e4000
d11: dq 0.3333333333333333
f11: dd 0.3333333333333333
t11: dt 0.3333333333333333
i0: dd 7
w0: dw 7
i1: dd -3
w1: dw -3
i2: dd 100000
w2: dw 100000
i3: dd 0
w3: dw 0
section .text
    mov eax, 1
    faddp st0, st0
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld tword [t0]
    fcom qword [d3]
    fdivr st0, st6
    fdiv dword [f8]
    fld tword [t9]
    fnclex
    fisubr dword [i3]
    fxch st6
    fld st1
    fcomp qword [d11]
    fistp qword [scratch + 200]
    fld st7
    fstp tword [scratch + 192]
    fdivrp st2, st0
    fld qword [d9]
    fimul dword [i1]
    fistp qword [scratch + 232]
    fsub dword [f11]
    fisttp qword [scratch + 136]
    fxch st7
    ffree st4
    fcom st3
    fsub st2, st0
    fld st1
    fist dword [scratch + 216]
    fyl2x
    fld qword [d9]
    fisubr dword [i3]
    fld st4
    fld tword [t1]
    ffree st7
    fldz
    fstp tword [scratch + 208]
    fsub qword [d2]
    ficom dword [i0]
    fucomi st0, st4
    fadd st4, st0
    fstp tword [scratch + 192]
    fld dword [f4]
    fld dword [f7]
    fist dword [scratch + 224]
    fst dword [scratch + 232]
    fisub dword [i2]
    fsubp st2, st0
    fmul st6, st0
    fild dword [i1]
    fild dword [i1]
    fucom st4
    ficom dword [i3]
    fld dword [f9]
    fld st6
    fld tword [t10]
    fld dword [f5]
    fxch st7
    fxch st5
    fild dword [i3]
    fsub dword [f5]
    fadd st7, st0
    fst st6
    fincstp
    fiadd dword [i1]
    fcomp qword [d2]
    fst qword [scratch + 192]
    fld tword [t11]
    ffree st2
    fst dword [scratch + 152]
    fcomi st0, st0
    fcomp qword [d1]
    fxtract
    fstp st2
    fiadd dword [i3]
    fxch st6
    fstp tword [scratch + 128]
    fist dword [scratch + 128]
    fist dword [scratch + 168]
    fidivr dword [i3]
    fisubr dword [i1]
    ffree st1
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
