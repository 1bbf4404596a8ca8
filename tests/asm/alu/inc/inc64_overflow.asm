; inc 64-bit, case overflow: a=0x7fffffffffffffff, flags before=0x8d5, form m
; inc qword [scratch + 16]
; EXPECT rax=0x7fffffffffffffff mem[16]=0x8000000000000000
; EXPECT flags=CF,PF,AF,SF,OF
%include "prologue.inc"
    mov rax, 0x7fffffffffffffff
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    inc qword [scratch + 16]
%include "epilogue.inc"
