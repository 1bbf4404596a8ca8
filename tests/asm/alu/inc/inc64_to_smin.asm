; inc 64-bit, case to_smin: a=0x8000000000000000, flags before=0x1, form lock_m
; lock inc qword [scratch + 16]
; EXPECT rax=0x8000000000000000 mem[16]=0x8000000000000001
; EXPECT flags=CF,SF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    mov [scratch + 16], rax
    push 0x1
    popfq
    lock inc qword [scratch + 16]
%include "epilogue.inc"
