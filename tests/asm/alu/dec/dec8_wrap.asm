; dec 8-bit, case wrap: a=0xff, flags before=0x0, form lock_m
; lock dec byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a5ff mem[16]=0xa5a5a5a5a5a5a5fe
; EXPECT flags=SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    mov [scratch + 16], rax
    lock dec byte [scratch + 16]
%include "epilogue.inc"
