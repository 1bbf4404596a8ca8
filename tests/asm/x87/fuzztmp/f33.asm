; generated x87 op mix (seed 33), compared natively and under retrace.
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
    fstp st2
    ffree st3
    fcmovnb st0, st7
    ffree st2
    ffree st5
    fstp dword [scratch + 200]
    fst dword [scratch + 232]
    fdiv st7, st0
    fld dword [f11]
    fst st6
    fcmovnb st0, st5
    ficom dword [i1]
    fild dword [i0]
    fsubrp st3, st0
    fld tword [t11]
    fadd dword [f3]
    fcomp qword [d5]
    fld qword [d5]
    fcomp qword [d8]
    fimul dword [i1]
    fst qword [scratch + 216]
    cmp eax, 2
    cmp eax, -2
    fld tword [t2]
    fld tword [t1]
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fld qword [d0]
    fsin
    fsub qword [d10]
    ffree st6
    fucomp st5
    fstp st7
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fcomi st0, st0
    fucomip st0, st6
    fisttp qword [scratch + 152]
    fst qword [scratch + 240]
    fistp dword [scratch + 168]
    fucomip st0, st0
    fstp tword [scratch + 128]
    fst st4
    fucom st6
    fcomp qword [d4]
    fucomip st0, st6
    fld qword [d6]
    fsubrp st2, st0
    fild dword [i1]
    fstp tword [scratch + 160]
    fst st4
    fst st2
    fisttp qword [scratch + 232]
    fprem
    ffree st5
    fistp qword [scratch + 128]
    fxch st7
    fld tword [t4]
    cmp eax, 2
    fld tword [t9]
    fild dword [i1]
    cmp eax, -1
    fldlg2
    fld tword [t1]
    fst dword [scratch + 216]
    fld qword [d2]
    fchs
    fld tword [t2]
    fcom st0
    fstp st3
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fxch st1
    fsubrp st1, st0
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    fucomi st0, st0
    fistp qword [scratch + 128]
    fucomi st0, st5
    fdivp st2, st0
    fistp dword [scratch + 152]
    fmulp st7, st0
    fisttp qword [scratch + 192]
    fldl2t
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
