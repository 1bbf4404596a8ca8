; dec 64-bit, case overflow: a=0x7fffffffffffffff, flags before=0x8d5, form m
; dec qword [scratch + 16]
; EXPECT rax=0x7fffffffffffffff mem[16]=0x7ffffffffffffffe
; EXPECT flags=CF
%include "prologue.inc"
    mov rax, 0x7fffffffffffffff
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    dec qword [scratch + 16]
%include "epilogue.inc"
