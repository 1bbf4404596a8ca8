; A random x87 op mix (seed 77 of a throwaway generator): loads, stores, arithmetic, compares,
; fcmovcc, rounding/precision changes, stack faults; state compared with fnsave.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xffff7d67ffff0f7f mem[8]=0x00000000ffff2eaa mem[24]=0x00000000ffff0000 mem[32]=0x0000c000c0000000
; EXPECT mem[40]=0x7fff800000000000 mem[48]=0xc000000000000000 mem[56]=0x000000000000ffff mem[64]=0x00000000ffffc000
; EXPECT mem[72]=0x0000ffffc0000000 mem[80]=0xffffc00000000000 mem[88]=0x93445b8731580000 mem[96]=0x000000000000bbf9
; EXPECT mem[104]=0x00000000ffffc000 mem[120]=0x0000000000000f7f mem[128]=0xc000000000000000 mem[136]=0x000000000000ffff
; EXPECT mem[152]=0x0000000000000001 mem[168]=0x00000000ffc00000 mem[192]=0xa2425ff75e14fc32 mem[200]=0x0000000000003f9b
; EXPECT mem[224]=0x8000000000000000 mem[248]=0x800000003fc00000
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
    mov word [scratch + 120], 0x027f
    fldcw [scratch + 120]
    fsubp st3, st0
    fldl2t
    fild dword [i2]
    fcomip st0, st2
    ficom dword [i0]
    cmp eax, 0
    fld qword [d7]
    fld st3
    fcomp qword [d2]
    fsubrp st1, st0
    fld tword [t8]
    fisttp qword [scratch + 248]
    fldz
    fld1
    fld tword [t3]
    fstp tword [scratch + 192]
    fcom st1
    fcmovu st0, st5
    cmp eax, -2
    fild dword [i3]
    fcmove st0, st1
    fmul st0, st1
    fdiv qword [d6]
    fistp qword [scratch + 184]
    fstp st7
    fidivr dword [i1]
    fisttp qword [scratch + 128]
    fld dword [f0]
    fcomi st0, st5
    fisttp qword [scratch + 152]
    fdiv st0, st7
    fld dword [f10]
    fcomi st0, st2
    fdiv st1, st0
    fld qword [d7]
    fmul qword [d0]
    mov word [scratch + 120], 0x0f7f
    fldcw [scratch + 120]
    fild word [w0]
    fstp tword [scratch + 128]
    fxch st1
    fstp qword [scratch + 224]
    fcomi st0, st2
    fxch st4
    fldl2t
    fcmove st0, st2
    fld st2
    fld qword [d0]
    cmp eax, -1
    fstp dword [scratch + 248]
    fcomp qword [d9]
    fcmove st0, st7
    fst st6
    fdiv st4, st0
    fmul st3, st0
    fld qword [d9]
    fcomi st0, st0
    fld qword [d11]
    fild word [w0]
    fld tword [t10]
    fild dword [i1]
    fst dword [scratch + 168]
    fild dword [i3]
    fmul st7, st0
    ficom dword [i3]
    fldl2t
    ffree st6
    cmp eax, 0
    fadd st5, st0
    fsubp st4, st0
    fdivr dword [f11]
    fisttp qword [scratch + 224]
    cmp eax, 0
    fidivr dword [i2]
    fld tword [t4]
    fst qword [scratch + 160]
    fdivr qword [d3]
    fcmovb st0, st0
    cmp eax, 2
    fild dword [i1]
    fnsave [scratch]
    mov dword [scratch + 12], 0
    mov dword [scratch + 20], 0
    fnstsw ax
    mov [scratch + 110], ax
    xor eax, eax
%include "epilogue.inc"
