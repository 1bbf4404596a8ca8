; dec 32-bit, case wrap: a=0xffffffff, flags before=0x0, form lock_m
; lock dec dword [scratch + 16]
; EXPECT rax=0xa5a5a5a5ffffffff mem[16]=0xa5a5a5a5fffffffe
; EXPECT flags=SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch + 16], rax
    lock dec dword [scratch + 16]
%include "epilogue.inc"
