; generated x87 op mix (seed 8), compared natively and under retrace.
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
    fxch st5
    fisub dword [i1]
    fstp tword [scratch + 128]
    fld tword [t2]
    fxch st3
    fidivr dword [i0]
    fucomp st7
    fimul dword [i1]
    fcmovnbe st0, st1
    fcomip st0, st0
    fstp tword [scratch + 160]
    fcomp qword [d7]
    fidivr dword [i0]
    fstp qword [scratch + 144]
    fidiv dword [i3]
    fild dword [i0]
    fsubp st1, st0
    fcomip st0, st2
    fst st1
    ficom dword [i0]
    fcomip st0, st2
    cmp eax, 2
    fucomp st4
    ficom dword [i2]
    cmp eax, 1
    fild word [w1]
    fistp qword [scratch + 208]
    fstp tword [scratch + 160]
    ffree st7
    fcom qword [d4]
    fild word [w2]
    fcomp qword [d8]
    fst qword [scratch + 216]
    fxch st0
    fsubr st3, st0
    fadd st0, st6
    fmul st0, st4
    fcmovnbe st0, st2
    fstp qword [scratch + 168]
    fst qword [scratch + 168]
    fadd st0, st0
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fsubp st6, st0
    fxch st2
    fpatan
    fucomp st6
    fld tword [t9]
    fld tword [t4]
    fstp tword [scratch + 128]
    fld dword [f1]
    fst dword [scratch + 160]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fcomip st0, st1
    fld1
    fild word [w2]
    fidivr dword [i0]
    fistp dword [scratch + 216]
    fsubrp st0, st0
    ffree st7
    fld1
    fst st0
    cmp eax, 2
    fld st2
    fmulp st7, st0
    fild dword [i0]
    fldlg2
    fxch st7
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fiadd dword [i0]
    fstp st7
    ffree st2
    fistp dword [scratch + 144]
    fstp tword [scratch + 176]
    fstp st6
    fcmovne st0, st7
    fxch st0
    fld1
    fcom st1
    fldln2
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
