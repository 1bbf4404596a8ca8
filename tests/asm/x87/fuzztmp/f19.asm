; generated x87 op mix (seed 19), compared natively and under retrace.
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
    fst qword [scratch + 176]
    fisubr dword [i2]
    fstp st2
    fst st4
    fild dword [i2]
    fprem
    fadd st0, st5
    fadd st3, st0
    fld tword [t3]
    fild dword [i3]
    fidivr dword [i0]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fchs
    fild dword [i3]
    fisttp qword [scratch + 240]
    fstp qword [scratch + 232]
    fxch st1
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fisub dword [i1]
    fild word [w3]
    fild dword [i3]
    fld qword [d7]
    fcomi st0, st7
    fcmovnu st0, st5
    fyl2x
    cmp eax, -1
    fld qword [d3]
    fld tword [t0]
    fucomp st7
    fild dword [i2]
    fild word [w3]
    fmul st6, st0
    fdivr st2, st0
    fucomp st4
    fdivr st0, st0
    fld tword [t3]
    fdivr st6, st0
    fild dword [i3]
    fld tword [t7]
    fcomp qword [d10]
    fld qword [d2]
    fsin
    fld tword [t1]
    fild word [w1]
    fcos
    fcom st3
    fst st7
    fst dword [scratch + 160]
    fld qword [d6]
    fst st4
    ffree st0
    fstp st5
    fsub st0, st4
    fcomp qword [d0]
    fld qword [d4]
    ffree st3
    fld tword [t3]
    fdiv st7, st0
    fistp qword [scratch + 208]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    ficom dword [i2]
    ffree st4
    ffree st6
    fcmovnu st0, st0
    cmp eax, -1
    fild word [w0]
    fcom st1
    fdivr st0, st7
    fstp tword [scratch + 176]
    fstp dword [scratch + 216]
    fld st7
    cmp eax, 0
    fist dword [scratch + 240]
    fptan
    fld dword [f5]
    fld tword [t5]
    fscale
    fucom st0
    fsubr st4, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
