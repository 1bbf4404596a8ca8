; neg 64-bit, case smin: a=0x8000000000000000, flags before=0x0, form m
; neg qword [scratch + 16]
; EXPECT rax=0x8000000000000000 mem[16]=0x8000000000000000
; EXPECT flags=CF,PF,SF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    mov [scratch + 16], rax
    neg qword [scratch + 16]
%include "epilogue.inc"
