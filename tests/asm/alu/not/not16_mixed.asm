; not 16-bit, case mixed: a=0x7e5c, flags before=0x801, form m
; not word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a57e5c mem[16]=0xa5a5a5a5a5a581a3
; EXPECT flags=CF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57e5c
    mov [scratch + 16], rax
    push 0x801
    popfq
    not word [scratch + 16]
%include "epilogue.inc"
