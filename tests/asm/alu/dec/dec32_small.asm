; dec 32-bit, case small: a=0x5, flags before=0x0, form m
; dec dword [scratch + 16]
; EXPECT rax=0xa5a5a5a500000005 mem[16]=0xa5a5a5a500000004
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000005
    mov [scratch + 16], rax
    dec dword [scratch + 16]
%include "epilogue.inc"
