; generated x87 op mix (seed 35), compared natively and under retrace.
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
    fistp qword [scratch + 208]
    cmp eax, -1
    fmul st4, st0
    fstp st0
    fistp dword [scratch + 216]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fstp st1
    fadd qword [d1]
    fistp dword [scratch + 216]
    fist dword [scratch + 208]
    fstp qword [scratch + 128]
    fxch st5
    fld tword [t2]
    fsubp st1, st0
    fucomi st0, st1
    fsub st1, st0
    fst dword [scratch + 248]
    fmulp st6, st0
    fld dword [f4]
    fisttp qword [scratch + 136]
    fcmove st0, st5
    ficom dword [i3]
    fild dword [i0]
    fimul dword [i1]
    fucomp st0
    fdiv st0, st3
    fxch st2
    fld qword [d10]
    fld tword [t1]
    fild dword [i1]
    fld qword [d2]
    fstp tword [scratch + 176]
    fst st0
    fstp qword [scratch + 200]
    ficom dword [i3]
    fistp dword [scratch + 136]
    fstp tword [scratch + 176]
    fcmovnb st0, st2
    fdivp st7, st0
    fmul st1, st0
    fdiv qword [d9]
    fstp st5
    fistp dword [scratch + 224]
    fld qword [d7]
    fst st7
    fild dword [i1]
    fstp tword [scratch + 224]
    fcmovne st0, st2
    fcom st3
    fcmovnb st0, st1
    fxch st6
    fld dword [f6]
    fmul qword [d2]
    fst st1
    fucomi st0, st1
    fstp tword [scratch + 192]
    fxch st7
    fistp qword [scratch + 160]
    fldl2e
    fldpi
    fist dword [scratch + 224]
    fcomp st2
    fcom st7
    fst st3
    fstp st0
    fst st5
    fistp dword [scratch + 192]
    fxch st3
    fsubr qword [d8]
    fld st0
    fucom st4
    fild dword [i0]
    fidiv dword [i3]
    fst st0
    cmp eax, -2
    fcmovnbe st0, st6
    fld qword [d5]
    fadd st0, st2
    fist dword [scratch + 240]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
