; generated x87 op mix (seed 2), compared natively and under retrace.
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
    cmp eax, -2
    fld tword [t1]
    fsub dword [f4]
    fst st3
    fst st0
    fstp st2
    fxtract
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    cmp eax, 2
    fdiv dword [f8]
    fadd st0, st0
    fmul dword [f6]
    f2xm1
    fld st2
    fxch st3
    fld qword [d2]
    fsubp st2, st0
    fcomp qword [d8]
    fst dword [scratch + 232]
    fistp dword [scratch + 216]
    fmul qword [d6]
    fstp tword [scratch + 208]
    fcomp st7
    fmul st0, st5
    fstp dword [scratch + 216]
    fstp st7
    fcomip st0, st5
    fcmovbe st0, st4
    fisttp qword [scratch + 200]
    fdivr st6, st0
    fdivr st3, st0
    fucomi st0, st1
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fist dword [scratch + 176]
    fist dword [scratch + 136]
    fstp st0
    fdiv st0, st3
    fst qword [scratch + 192]
    fxch st3
    fld dword [f6]
    fstp tword [scratch + 224]
    fld dword [f0]
    fsubr qword [d3]
    fst qword [scratch + 152]
    fld tword [t0]
    fld dword [f11]
    fld qword [d5]
    fsub st0, st2
    fist dword [scratch + 128]
    fidiv dword [i0]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fild word [w0]
    fld qword [d5]
    fst st1
    fsubr st7, st0
    fld qword [d4]
    fcom st4
    fisttp qword [scratch + 160]
    fcomip st0, st1
    fstp qword [scratch + 128]
    fcomp st6
    fucomi st0, st2
    cmp eax, 0
    fsubr st0, st6
    ffree st0
    fstp tword [scratch + 192]
    fild word [w0]
    fadd st0, st2
    fld st2
    fild dword [i3]
    ffree st3
    fcom qword [d3]
    fxch st7
    fld tword [t4]
    fld tword [t9]
    fxch st5
    fdivr st0, st6
    fdiv st0, st0
    fild word [w0]
    fimul dword [i1]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
