; add 64-bit, case carry_zero: a=0xffffffffffffffff b=0x1, flags before=0x8d5, form mr
; add qword [scratch], rdx
; EXPECT rax=0xffffffffffffffff
; EXPECT rdx=0x1
; EXPECT mem[0]=0x0
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rax, 0xffffffffffffffff
    mov [scratch], rax
    mov rdx, 0x1
    push 0x8d5
    popfq
    add qword [scratch], rdx
%include "epilogue.inc"
