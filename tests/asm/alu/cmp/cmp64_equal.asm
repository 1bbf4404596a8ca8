; cmp 64-bit, case equal: a=0x42 b=0x42, flags before=0x8d5, form rm
; cmp r14, qword [scratch + 8]
; EXPECT rax=0x42 mem[8]=0x42
; EXPECT r14=0x42
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov r14, 0x42
    mov rax, 0x42
    mov [scratch + 8], rax
    push 0x8d5
    popfq
    cmp r14, qword [scratch + 8]
%include "epilogue.inc"
