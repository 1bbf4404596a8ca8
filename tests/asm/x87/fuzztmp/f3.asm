; generated x87 op mix (seed 3), compared natively and under retrace.
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
    fxch st2
    fdiv dword [f10]
    fstp st1
    fst st0
    fcmovnu st0, st4
    ficom dword [i1]
    fldln2
    fucomip st0, st6
    ffree st2
    fxch st2
    cmp eax, 2
    fidivr dword [i0]
    fst qword [scratch + 136]
    fadd st4, st0
    fucomip st0, st6
    fidivr dword [i3]
    fild word [w2]
    fild dword [i0]
    fild word [w3]
    fldpi
    fstp dword [scratch + 232]
    fcomp qword [d9]
    fdiv dword [f9]
    fxch st5
    fst dword [scratch + 168]
    fstp tword [scratch + 224]
    fdivp st1, st0
    fstp tword [scratch + 208]
    fldln2
    fcmovnb st0, st4
    fild dword [i0]
    fucomip st0, st1
    fadd dword [f2]
    fld qword [d4]
    fincstp
    cmp eax, -2
    fld dword [f9]
    fst st0
    fidivr dword [i2]
    ficom dword [i2]
    fcom qword [d0]
    fadd st1, st0
    fild dword [i0]
    fldl2e
    fdiv st4, st0
    fild word [w0]
    cmp eax, 0
    fsubrp st2, st0
    cmp eax, 1
    fimul dword [i3]
    ffree st1
    fst st4
    fucompp
    fmul st4, st0
    fcomp qword [d8]
    faddp st6, st0
    fstp st5
    fld qword [d6]
    fst st2
    fld dword [f10]
    ffree st5
    fucom st5
    fst st4
    fistp dword [scratch + 128]
    fstp st0
    fst dword [scratch + 192]
    ffree st7
    fdiv st5, st0
    fld st5
    fld st5
    fisttp qword [scratch + 192]
    fmul st1, st0
    fistp qword [scratch + 160]
    fdiv st3, st0
    ffree st4
    fxch st5
    fld st6
    ffree st1
    fild dword [i2]
    fdivrp st3, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
