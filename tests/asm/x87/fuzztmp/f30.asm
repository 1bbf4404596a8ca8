; generated x87 op mix (seed 30), compared natively and under retrace.
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
    ficom dword [i2]
    fst st0
    fst st3
    fadd st0, st6
    fidivr dword [i1]
    fld tword [t7]
    fld qword [d8]
    fxch st0
    fld tword [t2]
    fcmovnbe st0, st5
    ficom dword [i0]
    fiadd dword [i1]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fstp dword [scratch + 152]
    fstp qword [scratch + 248]
    fsub st4, st0
    fsubr st1, st0
    fild word [w1]
    fstp tword [scratch + 160]
    fild dword [i0]
    f2xm1
    fsub st2, st0
    fucomi st0, st7
    cmp eax, 0
    fcomp qword [d1]
    fld qword [d10]
    fild dword [i3]
    fucomi st0, st7
    fdiv st0, st4
    fstp tword [scratch + 208]
    fld st2
    fcmovbe st0, st4
    fucompp
    fldl2e
    fmul dword [f8]
    fidivr dword [i3]
    fdivr st7, st0
    fsubr qword [d11]
    fld st4
    fcomp qword [d0]
    fstp tword [scratch + 144]
    fild dword [i2]
    ficom dword [i0]
    fstp st4
    cmp eax, 1
    fist dword [scratch + 240]
    fst qword [scratch + 248]
    fst st5
    fmul st0, st2
    fild word [w3]
    fcom qword [d11]
    faddp st3, st0
    fpatan
    fcomi st0, st2
    fsqrt
    fisub dword [i2]
    fisttp qword [scratch + 128]
    fsubrp st0, st0
    fucomip st0, st1
    fmul dword [f9]
    fist dword [scratch + 152]
    fxch st5
    fucomip st0, st1
    fldz
    fcomi st0, st1
    fiadd dword [i1]
    fld st5
    fld qword [d10]
    fst dword [scratch + 200]
    fldlg2
    fsub qword [d3]
    fstp tword [scratch + 192]
    fst st2
    fild word [w3]
    fild dword [i1]
    fdivrp st2, st0
    fldz
    fmul st3, st0
    fadd st6, st0
    fistp dword [scratch + 128]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
