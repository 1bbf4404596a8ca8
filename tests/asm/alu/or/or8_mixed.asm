; or 8-bit, case mixed: a=0x5c b=0x3a, flags before=0x8d5, form acc
; or al, 0x3a
; EXPECT rax=0xa5a5a5a5a5a5a57e
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a55c
    push 0x8d5
    popfq
    or al, 0x3a
%include "epilogue.inc"
