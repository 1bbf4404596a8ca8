; dec 32-bit, case mixed: a=0x12345678, flags before=0x0, form m
; dec dword [scratch + 16]
; EXPECT rax=0xa5a5a5a512345678 mem[16]=0xa5a5a5a512345677
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0xa5a5a5a512345678
    mov [scratch + 16], rax
    dec dword [scratch + 16]
%include "epilogue.inc"
