; and 16-bit, case sign: a=0xffff b=0x8000, flags before=0x8d5, form acc
; and ax, 0x8000
; EXPECT rax=0xa5a5a5a5a5a58000
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5ffff
    push 0x8d5
    popfq
    and ax, 0x8000
%include "epilogue.inc"
