; dec 32-bit, case af: a=0xf, flags before=0x1, form lock_m
; lock dec dword [scratch + 16]
; EXPECT rax=0xa5a5a5a50000000f mem[16]=0xa5a5a5a50000000e
; EXPECT flags=CF
%include "prologue.inc"
    mov rax, 0xa5a5a5a50000000f
    mov [scratch + 16], rax
    push 0x1
    popfq
    lock dec dword [scratch + 16]
%include "epilogue.inc"
