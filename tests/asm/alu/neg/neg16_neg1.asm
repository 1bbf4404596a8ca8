; neg 16-bit, case neg1: a=0xffff, flags before=0x0, form lock_m
; lock neg word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5ffff mem[16]=0xa5a5a5a5a5a50001
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5ffff
    mov [scratch + 16], rax
    lock neg word [scratch + 16]
%include "epilogue.inc"
