; add 16-bit, case carry_zero: a=0xffff b=0x1, flags before=0x8d5, form rm
; add r8w, word [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a0001 mem[8]=0x5a5a5a5a5a5a0001
; EXPECT r8=0xa5a5a5a5a5a50000
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov r8, 0xa5a5a5a5a5a5ffff
    mov rax, 0x5a5a5a5a5a5a0001
    mov [scratch + 8], rax
    push 0x8d5
    popfq
    add r8w, word [scratch + 8]
%include "epilogue.inc"
