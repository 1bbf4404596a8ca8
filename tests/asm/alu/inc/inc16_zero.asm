; inc 16-bit, case zero: a=0x0, flags before=0x8d5, form m
; inc word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a50000 mem[16]=0xa5a5a5a5a5a50001
; EXPECT flags=CF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50000
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    inc word [scratch + 16]
%include "epilogue.inc"
