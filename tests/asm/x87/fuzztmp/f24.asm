; generated x87 op mix (seed 24), compared natively and under retrace.
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
    fstp tword [scratch + 176]
    fcmovbe st0, st3
    fld st3
    fld st1
    fstp tword [scratch + 224]
    fild word [w2]
    fist dword [scratch + 240]
    fcom st0
    fcom qword [d7]
    fistp dword [scratch + 200]
    fcomi st0, st4
    fcmovbe st0, st5
    fadd st5, st0
    fst qword [scratch + 208]
    fdivrp st1, st0
    fadd st3, st0
    fst dword [scratch + 200]
    fdiv st0, st4
    fld1
    fstp st7
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    ffree st2
    fmulp st3, st0
    fst dword [scratch + 192]
    fcom qword [d8]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fld tword [t10]
    fild word [w2]
    fdivrp st3, st0
    fisub dword [i2]
    fiadd dword [i3]
    fsubr dword [f2]
    fistp dword [scratch + 208]
    cmp eax, -1
    fadd qword [d7]
    fstp tword [scratch + 160]
    fucomp st1
    fld dword [f1]
    fdivrp st6, st0
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    ficom dword [i3]
    fstp st6
    cmp eax, 1
    fcmovu st0, st4
    fsubr st4, st0
    fild word [w2]
    fist dword [scratch + 128]
    fdiv st0, st0
    fstp tword [scratch + 208]
    fxtract
    ffree st6
    fsubr st7, st0
    fidivr dword [i2]
    fdivrp st0, st0
    fiadd dword [i3]
    fcom st2
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    cmp eax, -1
    fcom qword [d7]
    fild word [w1]
    fcmovb st0, st1
    fcmove st0, st0
    fxch st0
    ficom dword [i3]
    fld dword [f2]
    fsubrp st1, st0
    cmp eax, -1
    fild dword [i1]
    fistp qword [scratch + 248]
    fcomp qword [d4]
    fstp dword [scratch + 224]
    ftst
    faddp st3, st0
    fcom qword [d2]
    fild word [w3]
    fsubrp st3, st0
    ffree st2
    fxch st1
    fdivr st3, st0
    fmul st0, st1
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
