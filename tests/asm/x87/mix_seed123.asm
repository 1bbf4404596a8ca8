; A random x87 op mix (seed 123 of a throwaway generator): loads, stores, arithmetic, compares,
; fcmovcc, rounding/precision changes, stack faults; state compared with fnsave.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xffff0965ffff0b7f mem[8]=0x00000000ffffe8a3 mem[24]=0x00000000ffff0000 mem[32]=0x0000c00df2c00000
; EXPECT mem[40]=0xffffc00000000000 mem[48]=0xc000000000000000 mem[56]=0x00000000019bffff mem[64]=0x000000003fff8000
; EXPECT mem[72]=0x00007fffc0000000 mem[80]=0xffffc00000000000 mem[88]=0xc000000000000000 mem[96]=0x000000000000ffff
; EXPECT mem[120]=0x0000000000000b7f mem[144]=0xf2c0000000000000 mem[152]=0x000000000000c00d mem[184]=0x0000000080000000
; EXPECT mem[208]=0x0000000000000009 mem[216]=0x8000000000000000 mem[240]=0x000000007fc00000
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
    fld dword [f4]
    fld tword [t6]
    fadd st0, st0
    fidiv dword [i2]
    faddp st2, st0
    fild word [w2]
    ficom dword [i2]
    fstp tword [scratch + 144]
    fld st0
    fsqrt
    fst st6
    fld tword [t0]
    fdivrp st7, st0
    fild dword [i0]
    fld tword [t10]
    fild word [w1]
    mov word [scratch + 120], 0x037f
    fldcw [scratch + 120]
    fmul st7, st0
    fmul st0, st0
    fisttp qword [scratch + 208]
    fcomp qword [d3]
    fcmovne st0, st0
    fidivr dword [i3]
    fstp dword [scratch + 216]
    fcom qword [d10]
    fld st1
    fucomi st0, st2
    fsubrp st6, st0
    fld tword [t11]
    fucomp st5
    fld qword [d3]
    fstp st1
    fcmovne st0, st0
    fsub dword [f8]
    fcom qword [d10]
    fmul st3, st0
    ficom dword [i3]
    fld st2
    ficom dword [i3]
    fimul dword [i0]
    fld qword [d2]
    fcomp st0
    fsubr st0, st4
    fincstp
    fld qword [d1]
    fst st1
    fcomp qword [d11]
    fld tword [t1]
    fchs
    mov word [scratch + 120], 0x0b7f
    fldcw [scratch + 120]
    fiadd dword [i3]
    fld qword [d5]
    fmul st0, st0
    fisttp qword [scratch + 232]
    fadd qword [d6]
    fld tword [t11]
    cmp eax, -1
    fdivr qword [d11]
    fld tword [t10]
    fld dword [f8]
    fidiv dword [i2]
    fild word [w2]
    fisttp qword [scratch + 216]
    fild word [w2]
    fcom qword [d10]
    fld st6
    fabs
    fist dword [scratch + 240]
    fst dword [scratch + 240]
    cmp eax, 1
    fmul st0, st0
    fld st5
    cmp eax, 2
    fcom qword [d5]
    fcom qword [d8]
    fistp dword [scratch + 184]
    fstp st5
    fld tword [t4]
    fcom qword [d3]
    fsubrp st6, st0
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
