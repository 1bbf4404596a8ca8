; dec 64-bit, case mixed: a=0x123456789abcdef, flags before=0x0, form lock_m
; lock dec qword [scratch + 16]
; EXPECT rax=0x123456789abcdef mem[16]=0x123456789abcdee
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    mov [scratch + 16], rax
    lock dec qword [scratch + 16]
%include "epilogue.inc"
