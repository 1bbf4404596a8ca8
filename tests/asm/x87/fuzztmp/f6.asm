; generated x87 op mix (seed 6), compared natively and under retrace.
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
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fcmove st0, st7
    fisttp qword [scratch + 136]
    fld qword [d2]
    fstp dword [scratch + 208]
    fistp qword [scratch + 192]
    fcomip st0, st6
    ficom dword [i0]
    fldlg2
    ficom dword [i2]
    fst dword [scratch + 208]
    fld tword [t5]
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fcom st3
    fstp tword [scratch + 208]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fild dword [i0]
    fstp st3
    fcmovne st0, st7
    fcmovu st0, st0
    ffree st5
    fxch st6
    fsubr st1, st0
    fld tword [t8]
    fst qword [scratch + 192]
    fdivr st3, st0
    fimul dword [i1]
    fild word [w1]
    fcmovb st0, st3
    fistp qword [scratch + 128]
    ffree st5
    ficom dword [i2]
    fmul dword [f4]
    fild word [w3]
    fld dword [f2]
    fptan
    fistp dword [scratch + 152]
    fcomp st1
    fst st7
    fucomp st1
    fcomp qword [d7]
    fdivr st6, st0
    fld tword [t3]
    fistp dword [scratch + 240]
    fcomip st0, st0
    fld qword [d8]
    fild dword [i2]
    fstp st5
    fldpi
    fcomp qword [d5]
    fcomp qword [d6]
    fptan
    fucomi st0, st7
    fstp dword [scratch + 160]
    fistp dword [scratch + 248]
    fdivr st7, st0
    fsubrp st2, st0
    fst st6
    fstp tword [scratch + 192]
    fsubr st0, st6
    fcomip st0, st4
    ficom dword [i0]
    fst st7
    fld dword [f2]
    fld qword [d9]
    fistp qword [scratch + 216]
    fmul qword [d3]
    fild word [w2]
    fst st0
    f2xm1
    fcomi st0, st7
    fxch st1
    fsubr qword [d10]
    ffree st3
    fst st5
    fild word [w0]
    ffree st1
    fstp tword [scratch + 128]
    fld dword [f10]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
