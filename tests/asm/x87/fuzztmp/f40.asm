; generated x87 op mix (seed 40), compared natively and under retrace.
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
    fcom st3
    fdivr st3, st0
    fild word [w2]
    fdivr st0, st7
    fcmovb st0, st2
    fld dword [f10]
    fldlg2
    fstp tword [scratch + 176]
    cmp eax, -2
    fld st5
    fild dword [i2]
    fsubp st1, st0
    fabs
    fcmovne st0, st5
    fxch st2
    fsub st4, st0
    fstp tword [scratch + 224]
    fmul st2, st0
    fstp st3
    fucomip st0, st1
    fld st3
    fst st0
    fld tword [t7]
    fst st4
    fild dword [i1]
    fcmovu st0, st7
    fcom st7
    ffree st5
    fst st7
    fdiv st3, st0
    fld tword [t0]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fst st6
    fld st7
    fild dword [i3]
    fldlg2
    fld qword [d6]
    fcomip st0, st3
    fcomp st2
    fld st4
    fdivr st0, st1
    fld st5
    fld st3
    fld dword [f3]
    fld st0
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fxch st3
    fincstp
    fucomi st0, st4
    fcom qword [d0]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fisttp qword [scratch + 136]
    fcmovbe st0, st2
    fadd st4, st0
    fmul dword [f5]
    fcom qword [d8]
    cmp eax, 2
    fcomp qword [d9]
    fucomi st0, st0
    fcom qword [d9]
    fld dword [f9]
    fsubr qword [d0]
    fstp st0
    fadd st4, st0
    fild dword [i1]
    fistp qword [scratch + 128]
    fld qword [d11]
    fsub dword [f9]
    fnclex
    fld dword [f10]
    fist dword [scratch + 200]
    fld qword [d7]
    fild dword [i1]
    fucomp st4
    fistp dword [scratch + 184]
    fucomp st5
    ficom dword [i3]
    fistp dword [scratch + 128]
    fldl2e
    fcmovne st0, st2
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
