; add 32-bit, case carry_zero: a=0xffffffff b=0x1, flags before=0x8d5, form mi
; add dword [scratch], 0x1
; EXPECT rax=0xa5a5a5a5ffffffff
; EXPECT mem[0]=0xa5a5a5a500000000
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch], rax
    push 0x8d5
    popfq
    add dword [scratch], 0x1
%include "epilogue.inc"
