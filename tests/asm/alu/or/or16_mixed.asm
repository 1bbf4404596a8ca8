; or 16-bit, case mixed: a=0x7e5c b=0x9c3a, flags before=0x8d5, form acc
; or ax, 0x9c3a
; EXPECT rax=0xa5a5a5a5a5a5fe7e
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57e5c
    push 0x8d5
    popfq
    or ax, 0x9c3a
%include "epilogue.inc"
