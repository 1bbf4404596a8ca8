; generated x87 op mix (seed 20), compared natively and under retrace.
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
    fist dword [scratch + 192]
    fst dword [scratch + 168]
    fld qword [d6]
    fsqrt
    fild dword [i1]
    fmulp st7, st0
    fcompp
    fldpi
    ffree st5
    fmulp st1, st0
    ffree st7
    fiadd dword [i1]
    fstp st3
    fld dword [f3]
    fild dword [i0]
    fldpi
    fstp tword [scratch + 224]
    fsubr st4, st0
    fld st1
    fld qword [d4]
    fstp tword [scratch + 144]
    cmp eax, -1
    fstp st3
    fld dword [f0]
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fst st4
    fsub st0, st5
    fst st7
    fild word [w2]
    ficom dword [i3]
    fld st2
    fidivr dword [i0]
    fstp tword [scratch + 144]
    fisttp qword [scratch + 216]
    fxch st1
    fst st0
    fcom qword [d6]
    fld st2
    fcmove st0, st1
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld qword [d10]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fstp dword [scratch + 136]
    fcmovbe st0, st1
    fucom st0
    fld tword [t9]
    fist dword [scratch + 144]
    fsubrp st1, st0
    fstp qword [scratch + 128]
    fldz
    fcom qword [d2]
    fld qword [d10]
    fist dword [scratch + 200]
    cmp eax, -1
    fsin
    fild dword [i3]
    fild dword [i1]
    fxch st3
    cmp eax, -1
    fild dword [i2]
    fild word [w3]
    fild word [w0]
    fucomp st0
    fld st3
    fcmovnb st0, st6
    cmp eax, -2
    fcmovnb st0, st3
    fdiv dword [f2]
    fst qword [scratch + 192]
    fld dword [f6]
    fdivr dword [f6]
    fcmovnu st0, st1
    fld tword [t9]
    fcomip st0, st0
    fstp tword [scratch + 208]
    fcom qword [d8]
    fst st5
    fstp tword [scratch + 128]
    fld st4
    fdiv st1, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
