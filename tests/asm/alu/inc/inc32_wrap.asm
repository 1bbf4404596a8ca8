; inc 32-bit, case wrap: a=0xffffffff, flags before=0x0, form lock_m
; lock inc dword [scratch + 16]
; EXPECT rax=0xa5a5a5a5ffffffff mem[16]=0xa5a5a5a500000000
; EXPECT flags=PF,AF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch + 16], rax
    lock inc dword [scratch + 16]
%include "epilogue.inc"
