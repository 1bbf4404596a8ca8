; neg 64-bit, case neg1: a=0xffffffffffffffff, flags before=0x0, form lock_m
; lock neg qword [scratch + 16]
; EXPECT rax=0xffffffffffffffff mem[16]=0x1
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xffffffffffffffff
    mov [scratch + 16], rax
    lock neg qword [scratch + 16]
%include "epilogue.inc"
