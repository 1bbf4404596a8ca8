; neg 8-bit, case zero: a=0x0, flags before=0x8d5, form lock_m
; lock neg byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a500 mem[16]=0xa5a5a5a5a5a5a500
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a500
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    lock neg byte [scratch + 16]
%include "epilogue.inc"
