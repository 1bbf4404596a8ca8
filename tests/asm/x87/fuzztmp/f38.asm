; generated x87 op mix (seed 38), compared natively and under retrace.
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
    ffree st6
    frndint
    fld tword [t5]
    fstp tword [scratch + 176]
    fadd qword [d9]
    fsubr dword [f11]
    fdivp st4, st0
    fucomip st0, st3
    fst st1
    fcomp qword [d2]
    f2xm1
    fxch st0
    fisubr dword [i0]
    fild word [w3]
    fild dword [i2]
    fild dword [i1]
    fcom st1
    fisttp qword [scratch + 200]
    fst dword [scratch + 240]
    fnclex
    fdivr st4, st0
    fld st6
    fdivr st0, st2
    fstp tword [scratch + 160]
    fld tword [t3]
    fcom qword [d4]
    fist dword [scratch + 160]
    cmp eax, 1
    fxch st5
    fcmove st0, st0
    fistp dword [scratch + 136]
    fxch st6
    fild word [w3]
    fst qword [scratch + 136]
    ficom dword [i3]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fild word [w3]
    fild word [w2]
    fld1
    fdivrp st4, st0
    ffree st0
    fistp qword [scratch + 240]
    fstp tword [scratch + 192]
    fst dword [scratch + 192]
    fild word [w3]
    fld st0
    fcomp qword [d11]
    fxch st6
    fld dword [f1]
    fcom qword [d8]
    fstp tword [scratch + 176]
    fst st6
    fdivr st0, st0
    fisttp qword [scratch + 192]
    fnclex
    fucom st2
    fldl2e
    fstp st1
    fstp st5
    fst st4
    fld st0
    fst qword [scratch + 200]
    fld tword [t2]
    fstp st1
    fadd dword [f7]
    fld dword [f8]
    fimul dword [i1]
    ffree st3
    fxch st5
    fadd st0, st2
    cmp eax, 2
    fstp st4
    faddp st0, st0
    fld dword [f10]
    fcomp qword [d5]
    fsubr st0, st4
    ffree st6
    fild dword [i3]
    fdecstp
    fstp qword [scratch + 168]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
