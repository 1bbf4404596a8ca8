; generated x87 op mix (seed 26), compared natively and under retrace.
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
    fist dword [scratch + 176]
    fptan
    ficom dword [i0]
    fild word [w3]
    fld dword [f11]
    fst dword [scratch + 184]
    fistp dword [scratch + 176]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    cmp eax, -2
    fst qword [scratch + 160]
    fldlg2
    fucomip st0, st5
    fxch st0
    fld qword [d11]
    fdiv st1, st0
    fcom qword [d10]
    fld qword [d7]
    fst st5
    fcmovne st0, st6
    fcompp
    fld dword [f4]
    fldlg2
    fimul dword [i1]
    fld dword [f1]
    fld tword [t2]
    ficom dword [i0]
    fld dword [f6]
    fldpi
    fst st1
    cmp eax, 2
    faddp st6, st0
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fdecstp
    fstp st1
    fld dword [f5]
    fild dword [i1]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fild word [w2]
    fdiv dword [f5]
    fcomp qword [d9]
    fidivr dword [i0]
    fld dword [f2]
    fstp st0
    fcom qword [d9]
    fcmovnu st0, st0
    fstp st2
    fcmovb st0, st0
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fld dword [f4]
    fxam
    fld tword [t4]
    fld st1
    fld tword [t9]
    cmp eax, -2
    fld qword [d10]
    fyl2x
    fld qword [d4]
    fucomi st0, st6
    fld qword [d1]
    fild dword [i1]
    fcomp st4
    fxch st2
    fcmovnbe st0, st6
    fst st5
    fstp tword [scratch + 128]
    fcom qword [d11]
    fild word [w0]
    fld qword [d2]
    fisub dword [i2]
    fld tword [t3]
    fsubr st0, st6
    fcomip st0, st7
    fxch st0
    fcom qword [d1]
    fld qword [d3]
    fldl2t
    fild dword [i1]
    ficom dword [i1]
    fld dword [f9]
    fst qword [scratch + 136]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
