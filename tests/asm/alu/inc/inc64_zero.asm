; inc 64-bit, case zero: a=0x0, flags before=0x8d5, form m
; inc qword [scratch + 16]
; EXPECT rax=0x0 mem[16]=0x1
; EXPECT flags=CF
%include "prologue.inc"
    mov rax, 0x0
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    inc qword [scratch + 16]
%include "epilogue.inc"
