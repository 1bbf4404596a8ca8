; not 32-bit, case keepflags: a=0x80000000, flags before=0x8d5, form lock_m
; lock not dword [scratch + 16]
; EXPECT rax=0xa5a5a5a580000000 mem[16]=0xa5a5a5a57fffffff
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000000
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    lock not dword [scratch + 16]
%include "epilogue.inc"
