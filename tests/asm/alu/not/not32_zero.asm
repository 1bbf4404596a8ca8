; not 32-bit, case zero: a=0x0, flags before=0x0, form m
; not dword [scratch + 16]
; EXPECT rax=0xa5a5a5a500000000 mem[16]=0xa5a5a5a5ffffffff
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000000
    mov [scratch + 16], rax
    not dword [scratch + 16]
%include "epilogue.inc"
