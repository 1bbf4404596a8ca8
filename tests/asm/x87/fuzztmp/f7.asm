; generated x87 op mix (seed 7), compared natively and under retrace.
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
    fsubp st6, st0
    ffree st0
    fld tword [t8]
    fild dword [i2]
    fstp st0
    fcom qword [d0]
    fld tword [t6]
    fsqrt
    fxch st1
    ficom dword [i3]
    fld dword [f9]
    fild dword [i1]
    ffree st0
    fstp st6
    fld dword [f3]
    fld dword [f8]
    cmp eax, -1
    fmul st2, st0
    ficom dword [i0]
    fstp st4
    ficom dword [i1]
    fild dword [i1]
    fadd qword [d9]
    fld dword [f9]
    fldl2e
    fstp dword [scratch + 240]
    fstp st7
    fsubr qword [d2]
    fstp tword [scratch + 224]
    fxch st1
    fstp st4
    fcomp qword [d5]
    fistp dword [scratch + 200]
    fst st1
    fild dword [i3]
    fld st5
    fild word [w3]
    fabs
    fst dword [scratch + 208]
    fstp tword [scratch + 160]
    fst st7
    fstp st7
    fld tword [t1]
    fmul st0, st1
    fld dword [f11]
    fstp tword [scratch + 160]
    ffree st7
    fdivr st6, st0
    fstp qword [scratch + 240]
    fsub qword [d7]
    fld dword [f3]
    fisttp qword [scratch + 160]
    fist dword [scratch + 224]
    fimul dword [i0]
    fld st7
    fidiv dword [i2]
    fild word [w3]
    cmp eax, 2
    fdivr st0, st6
    fdivr dword [f3]
    fild word [w0]
    fld st2
    fxch st3
    fld qword [d7]
    fcmovbe st0, st4
    fadd st2, st0
    fyl2x
    fdiv dword [f2]
    fstp tword [scratch + 224]
    fcom qword [d7]
    cmp eax, 2
    fimul dword [i3]
    fiadd dword [i3]
    ffree st6
    fld dword [f3]
    fld tword [t3]
    fcomp st1
    fdivp st0, st0
    fild dword [i0]
    fstp st2
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
