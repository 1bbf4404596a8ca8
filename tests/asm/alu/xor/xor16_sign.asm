; xor 16-bit, case sign: a=0xffff b=0x8000, flags before=0x8d5, form acc
; xor ax, 0x8000
; EXPECT rax=0xa5a5a5a5a5a57fff
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5ffff
    push 0x8d5
    popfq
    xor ax, 0x8000
%include "epilogue.inc"
