; test 8-bit, case sign: a=0xff b=0x80, flags before=0x8d5, form acc
; test al, 0x80
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT flags=SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    push 0x8d5
    popfq
    test al, 0x80
%include "epilogue.inc"
