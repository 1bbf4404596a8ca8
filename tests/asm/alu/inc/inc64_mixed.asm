; inc 64-bit, case mixed: a=0x123456789abcdef, flags before=0x0, form lock_m
; lock inc qword [scratch + 16]
; EXPECT rax=0x123456789abcdef mem[16]=0x123456789abcdf0
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    mov [scratch + 16], rax
    lock inc qword [scratch + 16]
%include "epilogue.inc"
