; fcom/fcomp/fcompp/fucom*/ficom* (C0/C2/C3 via fnstsw), fcomi/fucomi(p) (ZF/PF/CF), ftst, fxam.
; EXPECT rax=0
; EXPECT flags=CF,PF,AF,SF
; EXPECT mem[0]=0x7800390039003900 mem[8]=0x75006d0030003000 mem[16]=0x0000000000007501 mem[40]=0x0000000000000040
; EXPECT mem[48]=0x0000000000000001 mem[56]=0x0000000000000045 mem[64]=0x4100000034003000 mem[72]=0x0000000001007a00
%include "prologue.inc"
section .data
align 8
d2:  dq 2.0
f2:  dd 2.0
i3:  dd 3
w1:  dw 1
qnan: dq 0x7ff8000000000000
section .text
    fld1
    fcom qword [d2]         ; 1 < 2: C0
    fnstsw ax
    mov [scratch], ax
    fcom dword [f2]
    fnstsw [scratch + 2]
    ficom dword [i3]
    fnstsw [scratch + 4]
    ficom word [w1]         ; equal: C3
    fnstsw [scratch + 6]
    fld qword [d2]          ; st0 = 2, st1 = 1
    fcom st1                ; 2 > 1: none
    fnstsw [scratch + 8]
    fucom st1
    fnstsw [scratch + 10]
    fld qword [qnan]        ; st0 = nan
    fucom st1               ; unordered: C0 C2 C3
    fnstsw [scratch + 12]
    fucomp st1
    fnstsw [scratch + 14]
    fld qword [qnan]
    fcomp st1               ; invalid (nan): IE set
    fnstsw [scratch + 16]
    fnclex
    fcomi st0, st1          ; 2 > 1
    pushfq
    pop rax
    and eax, 0x8d5
    mov [scratch + 24], rax
    fucomi st0, st1
    pushfq
    pop rax
    and eax, 0x8d5
    mov [scratch + 32], rax
    fld1                    ; 1, 2, 1
    fcomi st0, st2          ; equal: ZF
    pushfq
    pop rax
    and eax, 0x8d5
    mov [scratch + 40], rax
    fcomip st0, st1         ; 1 < 2: CF, pops
    pushfq
    pop rax
    and eax, 0x8d5
    mov [scratch + 48], rax
    fld qword [qnan]
    fucomip st0, st1        ; unordered: ZF PF CF
    pushfq
    pop rax
    and eax, 0x8d5
    mov [scratch + 56], rax
    ftst                    ; 2 > 0
    fnstsw [scratch + 64]
    fxam
    fnstsw [scratch + 66]
    fcompp                  ; 2 vs 1, pop both
    fnstsw [scratch + 68]
    fxam                    ; empty
    fnstsw [scratch + 70]
    fldz
    fchs
    fxam                    ; -0
    fnstsw [scratch + 72]
    ficomp dword [i3]
    fnstsw [scratch + 74]
    fldz
    fld1
    fucompp
    fnstsw [scratch + 76]
    xor eax, eax
    cmp eax, 1              ; leave known flags: CF SF AF PF
%include "epilogue.inc"
