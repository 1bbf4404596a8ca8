; generated x87 op mix (seed 12), compared natively and under retrace.
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
    fucomi st0, st5
    fild word [w3]
    fld qword [d5]
    fucomi st0, st7
    fstp tword [scratch + 224]
    fst st3
    ficom dword [i0]
    fst dword [scratch + 216]
    fld st5
    fld1
    fstp st3
    fld tword [t8]
    fstp dword [scratch + 144]
    fld qword [d0]
    fcmovu st0, st1
    fdecstp
    fild dword [i3]
    fild word [w2]
    fst st2
    fstp tword [scratch + 128]
    ficom dword [i1]
    fcom qword [d6]
    fst st6
    fstp dword [scratch + 224]
    ficom dword [i0]
    ffree st1
    fldl2t
    fstp dword [scratch + 216]
    cmp eax, 1
    fstp qword [scratch + 192]
    fxch st5
    fsubr qword [d0]
    fimul dword [i0]
    fcom qword [d3]
    fstp qword [scratch + 224]
    fldl2t
    fst st1
    fistp qword [scratch + 168]
    fld tword [t11]
    fadd st0, st6
    fmul st0, st5
    fst st0
    fcomp qword [d5]
    fldpi
    fmul st7, st0
    fstp tword [scratch + 224]
    fcomip st0, st2
    fucom st2
    fldl2t
    fist dword [scratch + 128]
    fsubr st0, st2
    fxch st0
    fcom qword [d3]
    fst st1
    fdiv qword [d0]
    fdivrp st4, st0
    ffree st1
    fxch st7
    fucomi st0, st4
    fstp qword [scratch + 240]
    fdiv st0, st0
    fsubr st0, st7
    fstp tword [scratch + 224]
    fldln2
    fdiv st4, st0
    fld qword [d10]
    fld qword [d11]
    fld qword [d2]
    ficom dword [i2]
    ftst
    fxch st3
    fnclex
    fld dword [f8]
    fstp st4
    fistp qword [scratch + 232]
    fpatan
    fld tword [t6]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fstp st5
    fdivr dword [f9]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
