; generated x87 op mix (seed 15), compared natively and under retrace.
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
    fld1
    fcom qword [d2]
    fxch st0
    fld dword [f10]
    fild word [w2]
    fxch st1
    fmulp st5, st0
    fmul st0, st4
    fsub qword [d5]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fxch st4
    fistp dword [scratch + 184]
    fstp st7
    fcmovnbe st0, st7
    fld tword [t7]
    fstp st5
    fucom st7
    fiadd dword [i3]
    fcmovb st0, st3
    fild word [w1]
    fst st0
    fdiv st7, st0
    fild word [w0]
    fild dword [i3]
    fld dword [f1]
    fucom st6
    fcom qword [d2]
    ficom dword [i2]
    fld tword [t3]
    fsubr st2, st0
    fcmovne st0, st6
    fucomi st0, st7
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fisttp qword [scratch + 248]
    fild word [w0]
    fstp dword [scratch + 224]
    fld qword [d4]
    fist dword [scratch + 200]
    fld tword [t0]
    fcom st4
    fld st7
    fstp st7
    cmp eax, 1
    fld dword [f8]
    fld dword [f7]
    fcmove st0, st7
    fxch st7
    fstp tword [scratch + 208]
    fdivr st0, st1
    fst st0
    fld dword [f5]
    fisttp qword [scratch + 232]
    fadd dword [f9]
    fucom st0
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    cmp eax, 1
    fld qword [d10]
    fdiv dword [f8]
    fld qword [d2]
    fsub st0, st7
    fcomp qword [d5]
    fxch st5
    fucomi st0, st0
    fst st5
    fstp tword [scratch + 144]
    faddp st2, st0
    ffree st1
    fcmovnbe st0, st5
    cmp eax, -1
    faddp st5, st0
    fmulp st7, st0
    fstp st1
    fidiv dword [i0]
    fild dword [i1]
    fstp tword [scratch + 208]
    fcomp st3
    fstp st5
    fmul qword [d8]
    ffree st1
    fcomp qword [d9]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
