; dec 64-bit, case to_smin: a=0x8000000000000000, flags before=0x1, form lock_m
; lock dec qword [scratch + 16]
; EXPECT rax=0x8000000000000000 mem[16]=0x7fffffffffffffff
; EXPECT flags=CF,PF,AF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    mov [scratch + 16], rax
    push 0x1
    popfq
    lock dec qword [scratch + 16]
%include "epilogue.inc"
