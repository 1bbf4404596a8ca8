; inc 32-bit, case to_smin: a=0x80000000, flags before=0x1, form m
; inc dword [scratch + 16]
; EXPECT rax=0xa5a5a5a580000000 mem[16]=0xa5a5a5a580000001
; EXPECT flags=CF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000000
    mov [scratch + 16], rax
    push 0x1
    popfq
    inc dword [scratch + 16]
%include "epilogue.inc"
