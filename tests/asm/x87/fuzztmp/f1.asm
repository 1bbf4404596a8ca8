; generated x87 op mix (seed 1), compared natively and under retrace.
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
    fild word [w0]
    fadd st0, st7
    fisttp qword [scratch + 248]
    ffree st6
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fild dword [i3]
    fld qword [d6]
    fptan
    fistp qword [scratch + 240]
    fdivr st0, st3
    fstp st1
    faddp st0, st0
    fld qword [d10]
    ficom dword [i0]
    fidivr dword [i1]
    fchs
    fcom qword [d7]
    fcomip st0, st5
    fxch st3
    fisttp qword [scratch + 200]
    fld qword [d6]
    fcmove st0, st2
    ffree st4
    fild dword [i2]
    fistp dword [scratch + 176]
    fsubr st7, st0
    cmp eax, 2
    fidiv dword [i0]
    fcomip st0, st6
    fxam
    fdiv dword [f1]
    fcom st2
    fcomp qword [d5]
    fcomi st0, st7
    fld dword [f4]
    fstp tword [scratch + 224]
    fst st6
    ffree st2
    fld st3
    fld qword [d3]
    ficom dword [i1]
    fidiv dword [i2]
    cmp eax, 2
    fmul dword [f10]
    ficom dword [i0]
    fidivr dword [i1]
    fcom qword [d6]
    fld dword [f7]
    cmp eax, 0
    fstp st3
    fcomp qword [d7]
    fcmovne st0, st6
    fadd dword [f7]
    fst st0
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    ffree st2
    ficom dword [i1]
    cmp eax, -2
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld dword [f10]
    fld tword [t1]
    cmp eax, -2
    fcom st4
    fxch st4
    fild dword [i1]
    fsubr qword [d2]
    fld st4
    fcom qword [d10]
    fdivr st0, st4
    fucom st7
    fcomi st0, st0
    fmul st5, st0
    fcompp
    fadd st0, st4
    fist dword [scratch + 232]
    fcmovb st0, st3
    fld qword [d6]
    fild word [w0]
    fist dword [scratch + 240]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
