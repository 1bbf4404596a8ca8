; or 32-bit, case small: a=0xc b=0xa, flags before=0x8d5, form acc
; or eax, 0xa
; EXPECT rax=0xe
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a50000000c
    push 0x8d5
    popfq
    or eax, 0xa
%include "epilogue.inc"
