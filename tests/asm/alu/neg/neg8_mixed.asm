; neg 8-bit, case mixed: a=0x3a, flags before=0x8d5, form lock_m
; lock neg byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a53a mem[16]=0xa5a5a5a5a5a5a5c6
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a53a
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    lock neg byte [scratch + 16]
%include "epilogue.inc"
