; generated x87 op mix (seed 39), compared natively and under retrace.
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
    fldpi
    fiadd dword [i1]
    fxch st6
    fist dword [scratch + 192]
    fstp qword [scratch + 128]
    fdivr st1, st0
    fadd qword [d6]
    fmul qword [d6]
    fcomp qword [d4]
    fstp tword [scratch + 128]
    fucomp st4
    fstp st5
    fstp st0
    fist dword [scratch + 176]
    fst st7
    fst st6
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fidivr dword [i2]
    fcomip st0, st6
    fld tword [t2]
    fdivr st4, st0
    fxch st1
    fidivr dword [i3]
    fcom qword [d6]
    fld dword [f0]
    fistp dword [scratch + 128]
    fst st6
    fstp tword [scratch + 144]
    fcmovu st0, st1
    ficom dword [i3]
    ffree st3
    fcom qword [d11]
    fxch st2
    ficom dword [i0]
    fst st7
    fdivp st4, st0
    cmp eax, -1
    fcmovu st0, st2
    fld st2
    fsubr dword [f2]
    fld dword [f1]
    fldlg2
    fld tword [t3]
    fld dword [f1]
    ffree st1
    fild dword [i3]
    ficom dword [i3]
    fcmovne st0, st4
    fst qword [scratch + 208]
    fld st4
    ficom dword [i0]
    fcmove st0, st7
    fld tword [t4]
    fld qword [d8]
    fild dword [i1]
    fldl2e
    fild word [w3]
    fild word [w2]
    fcmovbe st0, st3
    fcomp st5
    fdivp st7, st0
    fadd dword [f3]
    fucom st0
    fst st6
    fcom qword [d4]
    fcmovu st0, st0
    fcomp qword [d0]
    fmul qword [d11]
    fld tword [t9]
    fcomi st0, st2
    fcom qword [d10]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fdiv st0, st1
    fcom st1
    fild word [w2]
    fistp qword [scratch + 200]
    faddp st4, st0
    fdiv st7, st0
    fild dword [i1]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
