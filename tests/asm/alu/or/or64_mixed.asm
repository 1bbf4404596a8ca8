; or 64-bit, case mixed: a=0x123456789abcdef b=0xfffffffffedcba98, flags before=0x8d5, form acc
; or rax, -19088744
; EXPECT rax=0xffffffffffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    push 0x8d5
    popfq
    or rax, -19088744
%include "epilogue.inc"
