; generated x87 op mix (seed 29), compared natively and under retrace.
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
    ficom dword [i0]
    fdiv dword [f1]
    fcomp qword [d6]
    fchs
    fld dword [f1]
    cmp eax, 1
    ffree st3
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld tword [t7]
    fdivp st6, st0
    fcmovu st0, st7
    fld st3
    fincstp
    fst dword [scratch + 200]
    fdiv st0, st3
    fcmovnbe st0, st7
    fcom qword [d4]
    fisttp qword [scratch + 248]
    fidiv dword [i0]
    fistp dword [scratch + 160]
    fsub st0, st5
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    ficom dword [i3]
    fld st6
    ffree st6
    fucom st2
    fdivrp st3, st0
    fstp qword [scratch + 128]
    fimul dword [i1]
    ftst
    fadd st0, st0
    fist dword [scratch + 200]
    fild dword [i0]
    ffree st0
    fld dword [f8]
    fistp qword [scratch + 160]
    fld st7
    fsub qword [d0]
    fist dword [scratch + 192]
    fcomi st0, st2
    fld1
    fist dword [scratch + 136]
    ffree st6
    cmp eax, -1
    fldz
    ffree st3
    fsubp st0, st0
    fst st1
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fstp st4
    fsubp st6, st0
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fmulp st4, st0
    fstp st2
    fmul st1, st0
    fabs
    fimul dword [i3]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fstp dword [scratch + 160]
    fild word [w1]
    fdiv dword [f6]
    ffree st1
    fsubp st7, st0
    fld dword [f7]
    fcmovu st0, st3
    fcmovnu st0, st2
    cmp eax, 2
    ffree st5
    fld st2
    fld dword [f10]
    fcom st7
    fstp tword [scratch + 160]
    fld dword [f1]
    fsub st5, st0
    fxch st1
    fldln2
    cmp eax, 2
    fld st3
    fild dword [i2]
    fsubrp st0, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
