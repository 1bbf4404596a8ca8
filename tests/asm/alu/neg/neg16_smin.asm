; neg 16-bit, case smin: a=0x8000, flags before=0x0, form m
; neg word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a58000 mem[16]=0xa5a5a5a5a5a58000
; EXPECT flags=CF,PF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58000
    mov [scratch + 16], rax
    neg word [scratch + 16]
%include "epilogue.inc"
