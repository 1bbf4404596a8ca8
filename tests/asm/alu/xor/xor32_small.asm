; xor 32-bit, case small: a=0xc b=0xa, flags before=0x8d5, form acc
; xor eax, 0xa
; EXPECT rax=0x6
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a50000000c
    push 0x8d5
    popfq
    xor eax, 0xa
%include "epilogue.inc"
