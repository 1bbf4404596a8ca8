; xor 16-bit, case all_ones: a=0xffff b=0xffff, flags before=0x0, form mi
; xor word [scratch], 0xffff
; EXPECT rax=0xa5a5a5a5a5a5ffff
; EXPECT mem[0]=0xa5a5a5a5a5a50000
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5ffff
    mov [scratch], rax
    xor word [scratch], 0xffff
%include "epilogue.inc"
