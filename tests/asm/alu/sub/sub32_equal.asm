; sub 32-bit, case equal: a=0x42 b=0x42, flags before=0x8d5, form mi
; sub dword [scratch], 0x42
; EXPECT rax=0xa5a5a5a500000042
; EXPECT mem[0]=0xa5a5a5a500000000
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000042
    mov [scratch], rax
    push 0x8d5
    popfq
    sub dword [scratch], 0x42
%include "epilogue.inc"
