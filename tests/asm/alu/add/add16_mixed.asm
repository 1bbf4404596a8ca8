; add 16-bit, case mixed: a=0x7e5c b=0x9c3a, flags before=0x8d5, form acc
; add ax, 0x9c3a
; EXPECT rax=0xa5a5a5a5a5a51a96
; EXPECT flags=CF,PF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57e5c
    push 0x8d5
    popfq
    add ax, 0x9c3a
%include "epilogue.inc"
