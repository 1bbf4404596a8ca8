; dec 32-bit, case to_smin: a=0x80000000, flags before=0x1, form m
; dec dword [scratch + 16]
; EXPECT rax=0xa5a5a5a580000000 mem[16]=0xa5a5a5a57fffffff
; EXPECT flags=CF,PF,AF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000000
    mov [scratch + 16], rax
    push 0x1
    popfq
    dec dword [scratch + 16]
%include "epilogue.inc"
