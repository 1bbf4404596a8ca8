; generated x87 op mix (seed 21), compared natively and under retrace.
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
    fld st6
    fstp tword [scratch + 176]
    ffree st4
    fcomip st0, st7
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fld st3
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fld qword [d5]
    fstp st6
    fld tword [t2]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fxch st0
    fincstp
    fst st7
    fld dword [f5]
    ficom dword [i3]
    fstp tword [scratch + 128]
    ffree st5
    fld qword [d2]
    fist dword [scratch + 152]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fcomp st5
    fimul dword [i1]
    fld st0
    fcomip st0, st1
    fistp qword [scratch + 176]
    fst qword [scratch + 248]
    ficom dword [i3]
    fldpi
    fild word [w3]
    fsubr st7, st0
    fcomp qword [d5]
    fucomip st0, st4
    fld qword [d1]
    fld st7
    fld qword [d7]
    fld tword [t8]
    fst st3
    fstp st5
    ficom dword [i0]
    fld st2
    ffree st5
    fcmovne st0, st5
    fisttp qword [scratch + 184]
    fild dword [i1]
    fld tword [t2]
    fisttp qword [scratch + 216]
    fld st0
    fst dword [scratch + 168]
    fist dword [scratch + 216]
    fucomip st0, st3
    fxch st2
    ficom dword [i0]
    fucomp st7
    fld dword [f4]
    fld dword [f4]
    fstp qword [scratch + 232]
    fxch st2
    fiadd dword [i2]
    ffree st2
    fild word [w3]
    fld dword [f4]
    fild word [w3]
    fld qword [d3]
    fcmovne st0, st2
    fdiv dword [f7]
    fstp st7
    fsub st4, st0
    fild word [w0]
    fidivr dword [i1]
    fstp tword [scratch + 128]
    fdiv st0, st5
    ffree st3
    cmp eax, 2
    fsin
    fstp qword [scratch + 160]
    fild word [w0]
    fiadd dword [i1]
    fld qword [d10]
    fcomp st1
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
