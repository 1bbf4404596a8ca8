; A random x87 op mix (seed 13 of a throwaway generator): loads, stores, arithmetic, compares,
; fcmovcc, rounding/precision changes, stack faults; state compared with fnsave.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xffff3b61ffff077f mem[8]=0x00000000ffff4d90 mem[24]=0x00000000ffff0000 mem[32]=0x0000800000000000
; EXPECT mem[40]=0x4001e00000000000 mem[48]=0xc000000000000000 mem[56]=0x0000000000003fff mem[64]=0x0000000080000000
; EXPECT mem[72]=0x0000ffffc0000000 mem[80]=0x8000000000000000 mem[88]=0xc000000000000000 mem[96]=0xbd0105c610caffff
; EXPECT mem[104]=0x00000000c001c9d1 mem[120]=0x000000000000077f mem[128]=0x0000000000000007 mem[168]=0xfff8000000000000
; EXPECT mem[176]=0x0000000000000001 mem[192]=0x8000000000000000 mem[200]=0xfff8000000003fff mem[208]=0x00000000ffc00000
; EXPECT mem[216]=0x0000000080000000
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
    fsubr st0, st2
    ffree st3
    fst qword [scratch + 168]
    fild word [w0]
    ficom dword [i1]
    fistp dword [scratch + 128]
    ftst
    fcmovb st0, st4
    fcmovbe st0, st1
    cmp eax, 0
    fcmovnu st0, st6
    fild word [w2]
    fsub dword [f8]
    fstp st6
    fstp dword [scratch + 208]
    ffree st1
    fdiv dword [f11]
    fcomp st7
    fstp qword [scratch + 200]
    fldz
    fcomp qword [d4]
    fmul dword [f9]
    fmul st0, st2
    fstp st7
    ficom dword [i1]
    fstp st3
    fldln2
    fsub qword [d6]
    ffree st7
    fiadd dword [i3]
    cmp eax, -2
    fxch st2
    fucomip st0, st4
    fld st6
    fistp dword [scratch + 216]
    fldln2
    cmp eax, 0
    fcom qword [d11]
    fst st3
    fistp dword [scratch + 176]
    cmp eax, 2
    fld dword [f9]
    fstp tword [scratch + 192]
    fld dword [f5]
    fstp st5
    fld st4
    fldz
    mov word [scratch + 120], 0x077f
    fldcw [scratch + 120]
    ficom dword [i0]
    fxch st2
    fld tword [t6]
    ffree st0
    fucom st1
    fcom qword [d2]
    fadd st6, st0
    fsubr st1, st0
    fucomi st0, st0
    fld qword [d5]
    fsubp st7, st0
    ficom dword [i3]
    fxch st3
    fadd st6, st0
    fcom qword [d11]
    fild word [w2]
    fcompp
    fmul st0, st3
    fsub dword [f6]
    fldln2
    fmul qword [d5]
    fimul dword [i0]
    fld tword [t0]
    fst st0
    ffree st4
    fldl2e
    fucomip st0, st5
    fld dword [f4]
    fcomp qword [d2]
    fild word [w0]
    fild dword [i2]
    fcmovbe st0, st3
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
