; test 64-bit, case mixed: a=0x123456789abcdef b=0xfffffffffedcba98, flags before=0x8d5, form acc
; test rax, -19088744
; EXPECT rax=0x123456789abcdef
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    push 0x8d5
    popfq
    test rax, -19088744
%include "epilogue.inc"
