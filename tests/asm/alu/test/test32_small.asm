; test 32-bit, case small: a=0xc b=0xa, flags before=0x8d5, form mi
; test dword [scratch], 0xa
; EXPECT rax=0xa5a5a5a50000000c
; EXPECT mem[0]=0xa5a5a5a50000000c
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a50000000c
    mov [scratch], rax
    push 0x8d5
    popfq
    test dword [scratch], 0xa
%include "epilogue.inc"
