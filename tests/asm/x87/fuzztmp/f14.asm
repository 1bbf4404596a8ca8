; generated x87 op mix (seed 14), compared natively and under retrace.
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
    fild dword [i1]
    fdivr st0, st4
    fdivr st1, st0
    fstp dword [scratch + 240]
    fstp dword [scratch + 152]
    fsub st0, st5
    fsubr dword [f10]
    ffree st2
    fld st4
    fld st0
    ffree st1
    fild dword [i2]
    fld qword [d1]
    fsub st0, st6
    fidiv dword [i3]
    fst st1
    cmp eax, -2
    fstp st5
    fld st1
    fistp dword [scratch + 176]
    fmul st0, st3
    fucomi st0, st4
    fild dword [i0]
    fcmove st0, st4
    fadd st0, st0
    fld st6
    fild dword [i0]
    fnclex
    fst dword [scratch + 240]
    fmul st7, st0
    fincstp
    fst st1
    fmul st0, st6
    fxch st7
    cmp eax, 2
    fcomi st0, st2
    fucomi st0, st7
    fld qword [d11]
    fimul dword [i0]
    fdivr dword [f7]
    fsubr st0, st4
    fcom qword [d0]
    ffree st7
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fild dword [i3]
    fild dword [i0]
    fldpi
    fld qword [d0]
    fstp st4
    fcomp qword [d4]
    fild dword [i0]
    fild word [w1]
    fld qword [d3]
    fdiv st0, st4
    fld st3
    fldlg2
    fstp dword [scratch + 216]
    fld dword [f8]
    fst st2
    fcom qword [d5]
    fucomip st0, st3
    fidiv dword [i2]
    fcomi st0, st3
    ffree st6
    fucomi st0, st1
    fadd st0, st2
    fld1
    fstp tword [scratch + 144]
    fldpi
    fucomip st0, st2
    ficom dword [i3]
    fld dword [f1]
    fdivr st0, st5
    ficom dword [i3]
    ftst
    fcomp st1
    fild word [w1]
    fild word [w0]
    fst dword [scratch + 136]
    fstp st6
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
