; generated x87 op mix (seed 31), compared natively and under retrace.
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
    fld qword [d7]
    fild dword [i3]
    fild word [w0]
    fild word [w0]
    ficom dword [i1]
    fstp tword [scratch + 224]
    fild word [w1]
    fist dword [scratch + 136]
    fild word [w1]
    ficom dword [i3]
    fcomp qword [d3]
    fstp st1
    fild dword [i0]
    fisttp qword [scratch + 208]
    fldz
    fmulp st5, st0
    fst st3
    fldln2
    fldl2e
    fstp st0
    fld dword [f2]
    fsub qword [d2]
    fcmovnbe st0, st0
    fld tword [t11]
    fcomp qword [d10]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fldl2t
    fscale
    fldpi
    ffree st3
    fcomi st0, st4
    fsubrp st5, st0
    fstp st6
    fucomi st0, st3
    fist dword [scratch + 200]
    fld st4
    fld tword [t2]
    fld1
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fdivr qword [d10]
    fisubr dword [i2]
    ffree st3
    fild dword [i3]
    fldl2t
    fmulp st6, st0
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    ficom dword [i0]
    fadd st0, st1
    fldz
    fsubp st2, st0
    fcomi st0, st7
    fst st4
    cmp eax, 0
    fst st7
    ffree st0
    cmp eax, -2
    fcomip st0, st7
    fcmovb st0, st4
    fucomip st0, st5
    fxch st0
    fild dword [i3]
    fstp st4
    fcomp st0
    fild word [w0]
    fstp st0
    fst st3
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fcmovnb st0, st2
    ficom dword [i3]
    ficom dword [i3]
    fxch st3
    fstp tword [scratch + 192]
    fucom st7
    fsubp st5, st0
    fild dword [i2]
    fist dword [scratch + 200]
    fstp tword [scratch + 176]
    fstp st2
    fld dword [f10]
    fild dword [i3]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
