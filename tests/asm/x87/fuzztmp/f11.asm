; generated x87 op mix (seed 11), compared natively and under retrace.
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
    fucomp st7
    fcom qword [d2]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fcomip st0, st1
    fucom st2
    fld tword [t8]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    ffree st0
    fst st6
    fcomp st0
    fcmove st0, st0
    fld dword [f3]
    fxch st0
    fisttp qword [scratch + 208]
    fcomp st3
    ffree st4
    fcomi st0, st1
    fucom st6
    ficom dword [i0]
    fstp tword [scratch + 160]
    fsubp st4, st0
    fld qword [d1]
    fstp st1
    fiadd dword [i2]
    fiadd dword [i0]
    cmp eax, -2
    fldz
    fld dword [f7]
    fidivr dword [i3]
    fsqrt
    fstp st3
    fisttp qword [scratch + 208]
    fld tword [t4]
    faddp st6, st0
    fistp qword [scratch + 160]
    fxch st1
    fld qword [d0]
    fucomp st2
    fst dword [scratch + 176]
    fist dword [scratch + 232]
    ffree st6
    fild dword [i3]
    fcompp
    fld qword [d4]
    cmp eax, 2
    fadd st3, st0
    fld st6
    cmp eax, 2
    ffree st1
    fld dword [f2]
    fldl2e
    fadd st0, st5
    fcmovnb st0, st6
    fld tword [t1]
    fld tword [t3]
    fstp st3
    fld qword [d9]
    fsubr dword [f2]
    fstp st7
    fcmovbe st0, st6
    fld st2
    fsub st3, st0
    fist dword [scratch + 168]
    fist dword [scratch + 224]
    fcomi st0, st6
    fld dword [f1]
    fild dword [i0]
    fcomp qword [d3]
    fistp dword [scratch + 192]
    fptan
    fucomi st0, st2
    fist dword [scratch + 160]
    fxch st7
    ficom dword [i0]
    fsub st0, st3
    fist dword [scratch + 144]
    fmul st0, st7
    fxch st0
    fld dword [f2]
    fsubr st2, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
