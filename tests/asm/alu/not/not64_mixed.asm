; not 64-bit, case mixed: a=0x123456789abcdef, flags before=0x801, form m
; not qword [scratch + 16]
; EXPECT rax=0x123456789abcdef mem[16]=0xfedcba9876543210
; EXPECT flags=CF,OF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    mov [scratch + 16], rax
    push 0x801
    popfq
    not qword [scratch + 16]
%include "epilogue.inc"
