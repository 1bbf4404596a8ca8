; generated x87 op mix (seed 17), compared natively and under retrace.
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
    fcomp qword [d4]
    fsubr qword [d11]
    fstp tword [scratch + 192]
    fstp qword [scratch + 128]
    fxch st6
    fcmovnbe st0, st4
    cmp eax, 2
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    ffree st6
    fild word [w0]
    fild word [w1]
    fild word [w1]
    fdivp st1, st0
    fstp tword [scratch + 208]
    fld tword [t4]
    fsqrt
    fcomp qword [d10]
    fst st2
    fstp dword [scratch + 128]
    fscale
    fstp st0
    fisttp qword [scratch + 136]
    fucomi st0, st0
    cmp eax, 1
    fxch st1
    ficom dword [i1]
    fxch st5
    fld dword [f4]
    fld tword [t4]
    fldln2
    fst st2
    fdivr st0, st4
    fsubr qword [d5]
    fild dword [i2]
    faddp st0, st0
    fisttp qword [scratch + 128]
    fucom st7
    ffree st0
    fist dword [scratch + 200]
    fadd st0, st7
    fld qword [d9]
    fstp st2
    fimul dword [i3]
    fld st3
    fsub st0, st1
    fld1
    fcmovnb st0, st5
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld dword [f2]
    fsqrt
    fstp tword [scratch + 224]
    fsubr st6, st0
    fcomi st0, st1
    ficom dword [i1]
    fxch st4
    fstp st2
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld dword [f11]
    fucomip st0, st7
    fxch st6
    fcomp qword [d1]
    fcomp st3
    fucomi st0, st3
    fdiv qword [d11]
    fstp st6
    fld dword [f5]
    fstp st2
    ficom dword [i1]
    fst st5
    fsub qword [d4]
    fscale
    fcom st1
    fcom qword [d3]
    fstp st2
    fucomp st7
    cmp eax, 2
    fild word [w3]
    fcom st4
    fsub st0, st0
    fcmovnu st0, st5
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
