; inc 64-bit, case small: a=0x5, flags before=0x0, form lock_m
; lock inc qword [scratch + 16]
; EXPECT rax=0x5 mem[16]=0x6
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0x5
    mov [scratch + 16], rax
    lock inc qword [scratch + 16]
%include "epilogue.inc"
