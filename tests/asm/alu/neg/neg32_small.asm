; neg 32-bit, case small: a=0x5, flags before=0x0, form m
; neg dword [scratch + 16]
; EXPECT rax=0xa5a5a5a500000005 mem[16]=0xa5a5a5a5fffffffb
; EXPECT flags=CF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000005
    mov [scratch + 16], rax
    neg dword [scratch + 16]
%include "epilogue.inc"
