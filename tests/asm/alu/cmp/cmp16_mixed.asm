; cmp 16-bit, case mixed: a=0x7e5c b=0x9c3a, flags before=0x8d5, form acc
; cmp ax, 0x9c3a
; EXPECT rax=0xa5a5a5a5a5a57e5c
; EXPECT flags=CF,PF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57e5c
    push 0x8d5
    popfq
    cmp ax, 0x9c3a
%include "epilogue.inc"
