; generated x87 op mix (seed 25), compared natively and under retrace.
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
    fiadd dword [i1]
    cmp eax, 0
    ffree st7
    fld dword [f4]
    fld dword [f4]
    fstp st6
    fild dword [i0]
    fstp st3
    fcomp qword [d2]
    ficom dword [i2]
    fcomp qword [d8]
    fild dword [i0]
    fst st5
    fscale
    fldln2
    fld st7
    fld tword [t1]
    fidiv dword [i0]
    fcom qword [d11]
    fld dword [f8]
    fld st1
    fcmovu st0, st6
    cmp eax, 2
    fucomp st7
    fst st7
    fcom st7
    fsub st0, st0
    fxtract
    ffree st7
    fld qword [d7]
    fxch st6
    fst st5
    fld tword [t2]
    fild dword [i0]
    fxch st2
    ffree st2
    fxch st2
    fisttp qword [scratch + 176]
    fld st7
    fsubr dword [f7]
    fucomip st0, st7
    fstp dword [scratch + 224]
    fdiv qword [d4]
    fprem
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fstp tword [scratch + 192]
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fxch st0
    fld st4
    fcom qword [d11]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fstp st0
    fld dword [f8]
    mov word [scratch + 120], 0x007f
    fldcw [scratch + 120]
    fstp tword [scratch + 224]
    fld dword [f4]
    fld st5
    fld tword [t1]
    fptan
    fstp tword [scratch + 208]
    fild word [w2]
    fild word [w2]
    fld tword [t9]
    fld tword [t11]
    fstp st3
    ficom dword [i1]
    fld tword [t1]
    fst st0
    fdivrp st2, st0
    fcom qword [d4]
    fld tword [t11]
    fld tword [t11]
    fild dword [i2]
    fld qword [d7]
    fst st4
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fsubr st4, st0
    fld dword [f2]
    fmul st0, st0
    fcomp qword [d0]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
