; generated x87 op mix (seed 4), compared natively and under retrace.
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
    fxch st4
    fild dword [i3]
    fcomip st0, st1
    fld tword [t0]
    fidiv dword [i2]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fxch st5
    fsub st0, st1
    fsub st0, st0
    fcmovnb st0, st4
    fldz
    fsubr st5, st0
    fld tword [t9]
    fdivrp st6, st0
    fcom qword [d2]
    fxch st7
    fadd st0, st4
    fld qword [d4]
    fstp st4
    cmp eax, 2
    fldl2e
    fptan
    fmul st7, st0
    fld st3
    fsubr st0, st0
    fld tword [t0]
    fucom st7
    fstp tword [scratch + 160]
    fild word [w1]
    fld tword [t6]
    fldln2
    ffree st7
    fsub st0, st5
    fpatan
    fdivrp st3, st0
    faddp st0, st0
    fstp tword [scratch + 144]
    fdiv st0, st3
    fild dword [i2]
    fld st4
    fcom st0
    fdivr qword [d4]
    fistp dword [scratch + 128]
    fsubrp st5, st0
    fild word [w3]
    cmp eax, 2
    fst dword [scratch + 176]
    fucom st2
    fmul st0, st2
    fdivp st0, st0
    fadd dword [f2]
    fsubr dword [f9]
    fild dword [i3]
    fldl2e
    fld1
    fld dword [f0]
    fld dword [f11]
    fld st2
    fst st0
    ficom dword [i3]
    fstp st3
    faddp st1, st0
    fcmovnb st0, st6
    ffree st3
    fcomip st0, st3
    fucomp st7
    fld dword [f3]
    fdecstp
    fxch st6
    fcmovu st0, st7
    fld1
    fld dword [f4]
    fsub st0, st3
    fistp qword [scratch + 232]
    cmp eax, 0
    fild word [w2]
    fld dword [f5]
    fstp st1
    fstp st6
    ffree st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
