; inc 16-bit, case overflow: a=0x7fff, flags before=0x8d5, form m
; inc word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a57fff mem[16]=0xa5a5a5a5a5a58000
; EXPECT flags=CF,PF,AF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57fff
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    inc word [scratch + 16]
%include "epilogue.inc"
