; inc 8-bit, case small: a=0x5, flags before=0x0, form m
; inc byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a505 mem[16]=0xa5a5a5a5a5a5a506
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a505
    mov [scratch + 16], rax
    inc byte [scratch + 16]
%include "epilogue.inc"
