; inc 8-bit, case af: a=0xf, flags before=0x1, form m
; inc byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a50f mem[16]=0xa5a5a5a5a5a5a510
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a50f
    mov [scratch + 16], rax
    push 0x1
    popfq
    inc byte [scratch + 16]
%include "epilogue.inc"
