; generated x87 op mix (seed 18), compared natively and under retrace.
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
    fld st1
    fstp dword [scratch + 184]
    fldl2e
    ffree st7
    fld st7
    fmul st4, st0
    fldpi
    fstp tword [scratch + 128]
    fdivp st2, st0
    cmp eax, -1
    fld st3
    fldln2
    fdiv qword [d10]
    cmp eax, 1
    fldln2
    fsubr st0, st0
    fmulp st3, st0
    fisttp qword [scratch + 216]
    fstp st4
    fcmovnb st0, st4
    ficom dword [i0]
    fmul st2, st0
    fcomip st0, st3
    fldln2
    fstp qword [scratch + 232]
    fcomp qword [d9]
    fild dword [i1]
    fstp st4
    ficom dword [i2]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    ficom dword [i3]
    fld tword [t7]
    fild word [w3]
    fild word [w3]
    fld tword [t3]
    ffree st1
    ficom dword [i2]
    fldl2t
    ffree st6
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fcmovb st0, st2
    fistp qword [scratch + 248]
    fimul dword [i1]
    fimul dword [i1]
    fdivr st0, st6
    fstp qword [scratch + 208]
    fdivrp st4, st0
    fild word [w3]
    fstp tword [scratch + 192]
    cmp eax, -2
    fstp st6
    fild word [w1]
    fst st6
    fld qword [d8]
    ficom dword [i3]
    ficom dword [i0]
    fld qword [d9]
    fisttp qword [scratch + 232]
    fistp dword [scratch + 248]
    fst st7
    cmp eax, 1
    fcmovbe st0, st3
    fld st2
    fdivr dword [f7]
    fld dword [f1]
    fdiv qword [d8]
    fild word [w1]
    fadd st0, st2
    fcmovu st0, st2
    fadd st5, st0
    fld tword [t5]
    faddp st4, st0
    fdivr qword [d6]
    fstp tword [scratch + 176]
    fcmovnbe st0, st0
    fmul st0, st0
    fstp st4
    fisubr dword [i0]
    fldpi
    fld st5
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
