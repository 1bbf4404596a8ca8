; not 8-bit, case zero: a=0x0, flags before=0x0, form m
; not byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a500 mem[16]=0xa5a5a5a5a5a5a5ff
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a500
    mov [scratch + 16], rax
    not byte [scratch + 16]
%include "epilogue.inc"
