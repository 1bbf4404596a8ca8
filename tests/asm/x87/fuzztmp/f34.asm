; generated x87 op mix (seed 34), compared natively and under retrace.
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
    fcomp qword [d9]
    fld qword [d3]
    fld qword [d6]
    fadd dword [f4]
    faddp st2, st0
    fild dword [i2]
    fdiv qword [d2]
    fistp qword [scratch + 136]
    fsubr qword [d6]
    fld st4
    fmul st5, st0
    fldz
    fcomp st2
    fstp st6
    ficom dword [i3]
    fxch st3
    fst qword [scratch + 240]
    fmul st0, st1
    fstp st4
    fldl2t
    fld st6
    fisttp qword [scratch + 240]
    cmp eax, -2
    fcomp qword [d6]
    cmp eax, 1
    fsub dword [f4]
    fild word [w1]
    fld st4
    fadd st4, st0
    fcom qword [d9]
    fcomp qword [d6]
    fxch st6
    cmp eax, 0
    fisttp qword [scratch + 240]
    fld tword [t1]
    fist dword [scratch + 208]
    fprem
    fld st2
    fistp dword [scratch + 208]
    fucomi st0, st4
    fld qword [d11]
    fst st4
    fcom qword [d2]
    fadd st0, st4
    fld tword [t10]
    ficom dword [i3]
    fistp qword [scratch + 192]
    ffree st2
    fcomp st5
    fistp dword [scratch + 160]
    fild dword [i3]
    fdivp st2, st0
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fdivr st0, st7
    fstp tword [scratch + 224]
    cmp eax, 2
    fistp dword [scratch + 128]
    fdecstp
    fst st7
    ffree st6
    fld st2
    fld tword [t6]
    fidiv dword [i2]
    fld st7
    fcomp st6
    fstp st4
    fucom st1
    fst qword [scratch + 200]
    fst dword [scratch + 128]
    fild dword [i3]
    fucomip st0, st4
    fxch st5
    fild dword [i2]
    fdivrp st4, st0
    fisttp qword [scratch + 136]
    fsubrp st2, st0
    fidiv dword [i3]
    fld dword [f0]
    fld tword [t11]
    fild dword [i3]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
