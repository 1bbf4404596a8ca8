; test 64-bit, case small: a=0xc b=0xa, flags before=0x8d5, form acc
; test rax, 10
; EXPECT rax=0xc
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xc
    push 0x8d5
    popfq
    test rax, 10
%include "epilogue.inc"
