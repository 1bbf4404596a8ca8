; generated x87 op mix (seed 23), compared natively and under retrace.
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
    fisttp qword [scratch + 144]
    fld qword [d9]
    fmul st6, st0
    fcomp qword [d2]
    fist dword [scratch + 192]
    fcom st3
    fst st7
    fld qword [d1]
    fld tword [t11]
    fucomip st0, st0
    fcomp qword [d5]
    fistp qword [scratch + 176]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fstp st5
    fst qword [scratch + 216]
    fstp st5
    fstp st4
    fstp qword [scratch + 248]
    fld st7
    fstp st7
    fst qword [scratch + 168]
    ficom dword [i2]
    fst qword [scratch + 144]
    fild dword [i3]
    fld dword [f9]
    fdiv st0, st4
    fcmovne st0, st1
    fsubr dword [f7]
    ficom dword [i1]
    fsub st0, st1
    fst st1
    fstp tword [scratch + 224]
    fcmovnu st0, st3
    fdivp st2, st0
    fist dword [scratch + 224]
    fld st7
    fld dword [f0]
    ffree st6
    fiadd dword [i1]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fst qword [scratch + 136]
    ficom dword [i3]
    fist dword [scratch + 216]
    fld qword [d6]
    fcomip st0, st0
    fld tword [t4]
    fcomp st7
    fsub st1, st0
    fild dword [i1]
    fstp tword [scratch + 192]
    ficom dword [i1]
    fadd st0, st6
    fld st0
    fucom st6
    fcmovbe st0, st6
    fld tword [t11]
    fcmovu st0, st4
    fincstp
    fdiv st0, st0
    fcmovnb st0, st1
    fld qword [d10]
    fild word [w2]
    ficom dword [i3]
    fxch st2
    fst dword [scratch + 152]
    fxch st7
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fstp tword [scratch + 160]
    fld qword [d5]
    fiadd dword [i1]
    fistp dword [scratch + 176]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fld qword [d2]
    ffree st7
    fistp dword [scratch + 144]
    fsin
    fcomip st0, st4
    fadd st0, st3
    fld dword [f7]
    fiadd dword [i3]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
