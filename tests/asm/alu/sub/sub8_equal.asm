; sub 8-bit, case equal: a=0x42 b=0x42, flags before=0x8d5, form mr
; sub byte [scratch], dl
; EXPECT rax=0xa5a5a5a5a5a5a542
; EXPECT rdx=0x5a5a5a5a5a5a5a42
; EXPECT mem[0]=0xa5a5a5a5a5a5a500
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a542
    mov [scratch], rax
    mov rdx, 0x5a5a5a5a5a5a5a42
    push 0x8d5
    popfq
    sub byte [scratch], dl
%include "epilogue.inc"
