; neg 64-bit, case mixed: a=0xfffffffffedcba98, flags before=0x8d5, form m
; neg qword [scratch + 16]
; EXPECT rax=0xfffffffffedcba98 mem[16]=0x1234568
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xfffffffffedcba98
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    neg qword [scratch + 16]
%include "epilogue.inc"
