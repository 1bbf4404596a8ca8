; sbb 64-bit, case equal: a=0x42 b=0x42, flags before=0x8d5, form mr
; sbb qword [scratch], rdx
; EXPECT rax=0x42
; EXPECT rdx=0x42
; EXPECT mem[0]=0xffffffffffffffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0x42
    mov [scratch], rax
    mov rdx, 0x42
    push 0x8d5
    popfq
    sbb qword [scratch], rdx
%include "epilogue.inc"
