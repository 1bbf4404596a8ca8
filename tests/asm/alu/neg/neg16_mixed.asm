; neg 16-bit, case mixed: a=0x9c3a, flags before=0x8d5, form m
; neg word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a59c3a mem[16]=0xa5a5a5a5a5a563c6
; EXPECT flags=CF,PF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a59c3a
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    neg word [scratch + 16]
%include "epilogue.inc"
