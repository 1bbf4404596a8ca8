; generated x87 op mix (seed 10), compared natively and under retrace.
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
    fstp st0
    fnclex
    fstp st0
    fldl2e
    fcmovnu st0, st4
    ffree st2
    fld dword [f8]
    fucomi st0, st1
    fxch st5
    fld dword [f6]
    cmp eax, -1
    fst st5
    fimul dword [i2]
    fcmovnb st0, st7
    fld st4
    fstp qword [scratch + 240]
    fistp qword [scratch + 240]
    fst st6
    fld dword [f9]
    fld qword [d3]
    fild word [w1]
    fdiv st5, st0
    fistp qword [scratch + 208]
    fstp dword [scratch + 248]
    fld tword [t10]
    fstp st5
    cmp eax, 2
    fld st3
    fucompp
    fld dword [f0]
    fucomi st0, st1
    ficom dword [i0]
    fild word [w3]
    fstp st5
    fst st2
    fild dword [i0]
    fcomp st3
    fmul dword [f7]
    fxch st4
    fild word [w1]
    cmp eax, -2
    fmul st0, st4
    fld st2
    fistp qword [scratch + 248]
    fisttp qword [scratch + 208]
    fucompp
    fld qword [d8]
    fstp tword [scratch + 128]
    fsubrp st3, st0
    fld tword [t4]
    fucomp st2
    fimul dword [i1]
    fistp dword [scratch + 248]
    fst st7
    fld tword [t2]
    fucomip st0, st6
    fild word [w3]
    ficom dword [i2]
    ficom dword [i3]
    fcomip st0, st7
    fild dword [i3]
    fcmovb st0, st0
    fcom st0
    fadd qword [d1]
    fst st7
    fcmovnu st0, st2
    fucomp st7
    fdivrp st4, st0
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fucomp st5
    ffree st2
    fist dword [scratch + 208]
    fst st0
    fst dword [scratch + 128]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fmul st3, st0
    fstp tword [scratch + 160]
    fld tword [t0]
    fst st1
    fcmovnb st0, st2
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
