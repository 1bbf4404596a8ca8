; generated x87 op mix (seed 5), compared natively and under retrace.
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
    fst st4
    fistp dword [scratch + 128]
    fcmovnu st0, st3
    ffree st0
    fld st1
    fmul qword [d6]
    ficom dword [i0]
    fstp st3
    fld qword [d11]
    fldl2e
    fsub st0, st6
    fld st1
    fild word [w3]
    fild word [w1]
    fld qword [d0]
    fldl2t
    fldz
    cmp eax, -1
    fsubr st3, st0
    ficom dword [i1]
    fld st3
    fisubr dword [i0]
    fmul qword [d2]
    fadd st0, st5
    fdiv st0, st0
    fst st5
    fld tword [t4]
    fsubr dword [f11]
    fsubp st7, st0
    fcomip st0, st0
    fadd st0, st5
    cmp eax, 1
    fld qword [d8]
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fmul qword [d7]
    fld dword [f11]
    fld st3
    fild dword [i1]
    fcmovnu st0, st5
    fcomp qword [d8]
    fmul st0, st1
    fstp st5
    cmp eax, 0
    fld dword [f6]
    fld tword [t3]
    fdivp st5, st0
    fild word [w2]
    fdivr st0, st1
    fdivr st5, st0
    fsub st1, st0
    ffree st2
    fistp dword [scratch + 248]
    fld st0
    fld tword [t9]
    ficom dword [i3]
    fld dword [f3]
    fistp dword [scratch + 192]
    fucomp st2
    fld dword [f10]
    fld dword [f7]
    fsubp st2, st0
    fist dword [scratch + 232]
    fild dword [i1]
    fscale
    fild word [w0]
    cmp eax, 1
    fsub st7, st0
    fst st2
    fcomp qword [d7]
    fstp tword [scratch + 208]
    fmulp st4, st0
    fmul st6, st0
    fild word [w0]
    fidiv dword [i1]
    ffree st7
    cmp eax, 0
    fld st1
    fucomi st0, st5
    fld tword [t5]
    fstp tword [scratch + 192]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
