; generated x87 op mix (seed 32), compared natively and under retrace.
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
    fld tword [t3]
    fild word [w2]
    fstp tword [scratch + 144]
    fcomi st0, st0
    fild dword [i2]
    fcomp qword [d0]
    fcomp qword [d5]
    fst st0
    ficom dword [i1]
    fcom qword [d7]
    fist dword [scratch + 200]
    fldl2e
    fld tword [t5]
    fild dword [i0]
    fcom qword [d11]
    fld st7
    fld qword [d6]
    fld dword [f0]
    ficom dword [i2]
    fxch st2
    fucom st7
    fld st4
    fstp st1
    fistp qword [scratch + 200]
    fxch st4
    faddp st3, st0
    fstp dword [scratch + 232]
    fstp tword [scratch + 128]
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fld qword [d2]
    fcomp st1
    cmp eax, -2
    fild word [w2]
    fld dword [f8]
    fsub st6, st0
    fld dword [f3]
    fstp st0
    fcomi st0, st5
    fmul dword [f3]
    fst st5
    fcom qword [d3]
    fimul dword [i2]
    fldl2t
    cmp eax, 2
    fild word [w2]
    ffree st5
    fild word [w1]
    fld qword [d7]
    fld qword [d1]
    fld qword [d9]
    cmp eax, -1
    fisttp qword [scratch + 232]
    fxch st7
    fiadd dword [i2]
    fxam
    fsubr qword [d11]
    fcom qword [d2]
    fisttp qword [scratch + 248]
    fstp dword [scratch + 144]
    fcmovb st0, st2
    fld qword [d0]
    fst st3
    fstp dword [scratch + 184]
    fild dword [i3]
    fsubp st2, st0
    fxch st7
    fld dword [f7]
    fst qword [scratch + 240]
    fcmovnb st0, st0
    ficom dword [i0]
    fild word [w2]
    fld tword [t11]
    fild dword [i1]
    fstp qword [scratch + 200]
    fstp st2
    fxch st1
    fild dword [i1]
    fld qword [d0]
    fxch st5
    fdivr dword [f2]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
