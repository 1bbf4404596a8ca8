; inc 32-bit, case mixed: a=0x12345678, flags before=0x0, form m
; inc dword [scratch + 16]
; EXPECT rax=0xa5a5a5a512345678 mem[16]=0xa5a5a5a512345679
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a512345678
    mov [scratch + 16], rax
    inc dword [scratch + 16]
%include "epilogue.inc"
