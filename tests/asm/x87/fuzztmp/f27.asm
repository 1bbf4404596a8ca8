; generated x87 op mix (seed 27), compared natively and under retrace.
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
    ffree st7
    fstp tword [scratch + 160]
    fsub st1, st0
    fld tword [t4]
    fcmovne st0, st4
    fmul qword [d3]
    fxch st7
    fcmove st0, st1
    fst st6
    fisttp qword [scratch + 136]
    fstp dword [scratch + 128]
    cmp eax, 1
    fsub st0, st5
    fst st3
    fstp tword [scratch + 224]
    fcom qword [d1]
    fisubr dword [i0]
    fistp qword [scratch + 168]
    fcomp st4
    ficom dword [i0]
    fld st0
    fcomp st5
    fstp st6
    fld tword [t4]
    fucomp st5
    fld qword [d5]
    fld st4
    fld st7
    fdiv qword [d8]
    fxch st2
    fldl2t
    fistp dword [scratch + 144]
    fsubrp st0, st0
    fisubr dword [i0]
    fsubr st1, st0
    fmul st7, st0
    fdiv st1, st0
    fstp st0
    fsub st7, st0
    ficom dword [i0]
    fld qword [d9]
    fld dword [f5]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fdivr st1, st0
    fld dword [f8]
    fincstp
    fistp dword [scratch + 128]
    fld st5
    fist dword [scratch + 176]
    fxch st6
    fldl2t
    fistp dword [scratch + 224]
    fcmove st0, st5
    fld dword [f2]
    fld tword [t1]
    fsub st2, st0
    fucomp st1
    fxch st5
    cmp eax, 0
    fld qword [d10]
    fcomip st0, st4
    ficom dword [i3]
    fldl2t
    fcos
    fst qword [scratch + 208]
    fstp st0
    fxch st1
    fcomi st0, st3
    fprem
    fadd st2, st0
    fild dword [i3]
    fld tword [t5]
    fldz
    fistp qword [scratch + 168]
    fcom st7
    fst st0
    fxch st4
    ficom dword [i1]
    fild dword [i3]
    fsubr qword [d6]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
