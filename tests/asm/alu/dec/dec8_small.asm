; dec 8-bit, case small: a=0x5, flags before=0x0, form m
; dec byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a505 mem[16]=0xa5a5a5a5a5a5a504
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a505
    mov [scratch + 16], rax
    dec byte [scratch + 16]
%include "epilogue.inc"
