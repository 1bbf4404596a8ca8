; generated x87 op mix (seed 28), compared natively and under retrace.
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
    fild dword [i1]
    ficom dword [i1]
    fxch st2
    ffree st7
    fisttp qword [scratch + 176]
    fldz
    fisub dword [i1]
    fst st3
    fld1
    fucompp
    fld tword [t1]
    fprem
    fstp tword [scratch + 224]
    fild word [w1]
    fcomp qword [d9]
    fxch st7
    fild word [w1]
    fld qword [d4]
    ffree st4
    fld tword [t8]
    ficom dword [i2]
    fist dword [scratch + 232]
    fld st3
    fadd qword [d6]
    fisttp qword [scratch + 216]
    fld st6
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fcmovnbe st0, st2
    fxch st2
    fdiv st3, st0
    fistp dword [scratch + 128]
    fxch st3
    fld dword [f5]
    fdivr dword [f1]
    fcomip st0, st7
    fcom qword [d8]
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fstp st6
    fld st6
    fxch st7
    cmp eax, 0
    fcomp st3
    fld dword [f0]
    fincstp
    fstp dword [scratch + 160]
    fcmovb st0, st7
    fdivr dword [f1]
    fxch st6
    fldlg2
    fild dword [i1]
    fild dword [i2]
    cmp eax, 2
    fst st7
    fld tword [t2]
    fistp qword [scratch + 168]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fld tword [t7]
    fcomp qword [d8]
    fucomip st0, st6
    fisttp qword [scratch + 144]
    fsubp st5, st0
    fstp st5
    fcom qword [d5]
    fistp qword [scratch + 224]
    fmul st7, st0
    cmp eax, -1
    fist dword [scratch + 224]
    fxch st0
    fild word [w2]
    fcomip st0, st0
    fst dword [scratch + 128]
    fcom st3
    fld tword [t1]
    fabs
    fld dword [f11]
    fcmovnb st0, st7
    fcmovne st0, st5
    fisubr dword [i1]
    fistp qword [scratch + 216]
    fstp tword [scratch + 192]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
