; xor 64-bit, case mixed: a=0x123456789abcdef b=0xfffffffffedcba98, flags before=0x8d5, form acc
; xor rax, -19088744
; EXPECT rax=0xfedcba9877777777
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    push 0x8d5
    popfq
    xor rax, -19088744
%include "epilogue.inc"
