; neg 8-bit, case af: a=0x10, flags before=0x0, form m
; neg byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a510 mem[16]=0xa5a5a5a5a5a5a5f0
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a510
    mov [scratch + 16], rax
    neg byte [scratch + 16]
%include "epilogue.inc"
