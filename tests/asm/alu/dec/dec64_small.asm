; dec 64-bit, case small: a=0x5, flags before=0x0, form lock_m
; lock dec qword [scratch + 16]
; EXPECT rax=0x5 mem[16]=0x4
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0x5
    mov [scratch + 16], rax
    lock dec qword [scratch + 16]
%include "epilogue.inc"
