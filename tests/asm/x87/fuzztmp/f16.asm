; generated x87 op mix (seed 16), compared natively and under retrace.
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
    fmul dword [f4]
    fucompp
    fcom st6
    cmp eax, 0
    fxch st3
    fld qword [d4]
    fsubr st2, st0
    fistp dword [scratch + 128]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fst st4
    fld qword [d2]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fst dword [scratch + 240]
    fst st4
    fxch st4
    fsubr dword [f1]
    fmul dword [f8]
    ffree st2
    fstp st4
    fstp st0
    fadd st0, st0
    fcomp qword [d3]
    fcomip st0, st4
    fsubr st7, st0
    fcom st2
    fstp tword [scratch + 176]
    fist dword [scratch + 240]
    fcmovnu st0, st0
    fcmovnu st0, st1
    fcom st7
    ffree st0
    fild word [w1]
    fisubr dword [i0]
    ficom dword [i0]
    fstp dword [scratch + 248]
    fcom qword [d3]
    faddp st1, st0
    ficom dword [i0]
    fxch st0
    fidivr dword [i0]
    fcmove st0, st0
    cmp eax, 1
    fild word [w2]
    fxch st2
    fstp st0
    fxch st3
    fild dword [i0]
    ffree st2
    fmul st0, st6
    fld dword [f6]
    fucomp st7
    fadd st0, st0
    fld qword [d11]
    fldl2e
    fstp dword [scratch + 152]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fild dword [i3]
    ffree st1
    fadd st7, st0
    ftst
    fcmovnbe st0, st3
    fild word [w1]
    fimul dword [i1]
    fisub dword [i2]
    fstp qword [scratch + 232]
    fldln2
    fchs
    fucomi st0, st4
    fild dword [i0]
    fisttp qword [scratch + 248]
    fxch st7
    fldlg2
    fcomp st7
    ficom dword [i0]
    fistp qword [scratch + 208]
    fld dword [f7]
    fld tword [t7]
    fist dword [scratch + 208]
    ficom dword [i1]
    fild dword [i2]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
