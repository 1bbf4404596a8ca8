; generated x87 op mix (seed 37), compared natively and under retrace.
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
    fst qword [scratch + 216]
    fcom st7
    fst st4
    fidivr dword [i3]
    fcomp st0
    fld tword [t6]
    fld tword [t8]
    fsubr st6, st0
    fcmovne st0, st0
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fst st3
    fcomp qword [d1]
    fld qword [d0]
    ffree st5
    fld tword [t11]
    fstp st3
    fld qword [d5]
    fdiv qword [d0]
    fist dword [scratch + 176]
    fistp dword [scratch + 184]
    fcomp qword [d9]
    fld dword [f4]
    fdivr st0, st3
    fcomip st0, st3
    fdiv st0, st0
    fucomp st1
    ficom dword [i0]
    fdivr st0, st3
    fld tword [t7]
    ffree st2
    fsubrp st0, st0
    fild dword [i1]
    fld tword [t9]
    fld st3
    fcmovnb st0, st7
    fld qword [d9]
    fld st4
    fild word [w1]
    fild dword [i1]
    fpatan
    fcom qword [d5]
    fadd st0, st0
    fxch st2
    fimul dword [i2]
    fld tword [t3]
    fld tword [t4]
    fld dword [f3]
    fcmovu st0, st7
    fstp st7
    fdiv dword [f9]
    fld dword [f8]
    fst dword [scratch + 128]
    fdiv st0, st0
    fdiv st0, st7
    fxch st5
    fisttp qword [scratch + 176]
    cmp eax, 0
    fild dword [i2]
    fcomi st0, st7
    fst st2
    ffree st1
    fdivr st5, st0
    fld dword [f7]
    fild word [w0]
    fistp dword [scratch + 240]
    fst st1
    fcomip st0, st2
    fstp tword [scratch + 160]
    fst qword [scratch + 168]
    fxch st5
    fcmove st0, st2
    fcmove st0, st4
    fcomip st0, st1
    fld qword [d1]
    fdiv qword [d11]
    fld st5
    ffree st7
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fld tword [t10]
    ficom dword [i0]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
