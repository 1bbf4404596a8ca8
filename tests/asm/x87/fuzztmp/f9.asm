; generated x87 op mix (seed 9), compared natively and under retrace.
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
    fucom st4
    fild word [w1]
    cmp eax, -2
    fdivp st7, st0
    fst st1
    fdivp st0, st0
    fistp dword [scratch + 168]
    fstp tword [scratch + 176]
    fistp dword [scratch + 168]
    fld st3
    fld dword [f1]
    fild word [w0]
    fisttp qword [scratch + 152]
    fsub st3, st0
    fistp dword [scratch + 144]
    fisttp qword [scratch + 176]
    fisubr dword [i2]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fldln2
    fld qword [d6]
    fld dword [f6]
    cmp eax, 1
    fild word [w0]
    fxch st6
    fist dword [scratch + 128]
    fild dword [i1]
    cmp eax, -1
    faddp st1, st0
    fild word [w0]
    fcom qword [d9]
    fcomip st0, st6
    fld tword [t6]
    fldln2
    fistp qword [scratch + 160]
    fld st0
    fld dword [f4]
    ficom dword [i1]
    fistp dword [scratch + 136]
    fild dword [i3]
    fxch st2
    fst st0
    fistp dword [scratch + 144]
    cmp eax, 0
    fild dword [i2]
    fcomp st6
    fldlg2
    fist dword [scratch + 224]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    faddp st6, st0
    fild dword [i1]
    fxch st7
    fsubr st0, st1
    fdivr st4, st0
    fild dword [i0]
    fld qword [d6]
    fisttp qword [scratch + 248]
    fdivr qword [d9]
    fist dword [scratch + 232]
    ffree st3
    fild dword [i3]
    fcomp qword [d8]
    fsub dword [f2]
    fstp tword [scratch + 224]
    fadd st0, st0
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fsub st0, st1
    fst st2
    fld qword [d0]
    fld dword [f7]
    fldl2t
    fisubr dword [i0]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fsub st7, st0
    ficom dword [i2]
    fild word [w0]
    fistp dword [scratch + 152]
    fld tword [t6]
    fcomp st6
    fstp st2
    fstp dword [scratch + 216]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
