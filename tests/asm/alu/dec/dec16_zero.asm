; dec 16-bit, case zero: a=0x0, flags before=0x8d5, form m
; dec word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a50000 mem[16]=0xa5a5a5a5a5a5ffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50000
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    dec word [scratch + 16]
%include "epilogue.inc"
