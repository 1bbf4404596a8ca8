; generated x87 op mix (seed 22), compared natively and under retrace.
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
    fild word [w1]
    fld qword [d9]
    fcomp st1
    fistp dword [scratch + 144]
    fxch st4
    fld dword [f5]
    fst st2
    ficom dword [i3]
    fstp tword [scratch + 128]
    fstp st0
    fstp st4
    fmul st3, st0
    fld st1
    fstp st0
    fstp tword [scratch + 160]
    fst st5
    fsub st0, st6
    fdivr st2, st0
    fsubr st0, st2
    fabs
    fdivp st0, st0
    fsin
    fcomp qword [d8]
    fxtract
    fst dword [scratch + 216]
    fidiv dword [i0]
    fdiv st6, st0
    fisttp qword [scratch + 144]
    fld tword [t7]
    fadd dword [f6]
    fld dword [f3]
    fcom qword [d6]
    fld qword [d1]
    fcomp st2
    fld qword [d8]
    fisubr dword [i1]
    fsubrp st3, st0
    fcom st1
    ficom dword [i1]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fist dword [scratch + 152]
    fld dword [f3]
    frndint
    fcmovbe st0, st7
    fld dword [f1]
    fcomip st0, st4
    fstp dword [scratch + 144]
    ffree st5
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fcmovnb st0, st1
    fld qword [d2]
    fcomp qword [d10]
    fld tword [t5]
    fild dword [i1]
    ffree st6
    fstp tword [scratch + 160]
    fld st0
    fld tword [t3]
    fdivr qword [d3]
    ficom dword [i2]
    fcomi st0, st2
    fld qword [d4]
    fistp qword [scratch + 248]
    fst st3
    fisubr dword [i0]
    fist dword [scratch + 136]
    fxch st6
    fcmovb st0, st3
    fldl2t
    fucomip st0, st0
    fisttp qword [scratch + 240]
    fsub st0, st3
    fild dword [i2]
    fld tword [t10]
    fstp st2
    fld st5
    fld dword [f0]
    fcomip st0, st4
    fld dword [f7]
    fstp tword [scratch + 128]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
