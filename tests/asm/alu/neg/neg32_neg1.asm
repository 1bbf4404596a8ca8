; neg 32-bit, case neg1: a=0xffffffff, flags before=0x0, form m
; neg dword [scratch + 16]
; EXPECT rax=0xa5a5a5a5ffffffff mem[16]=0xa5a5a5a500000001
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch + 16], rax
    neg dword [scratch + 16]
%include "epilogue.inc"
