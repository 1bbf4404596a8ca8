; add 64-bit, case mixed: a=0x123456789abcdef b=0xfffffffffedcba98, flags before=0x8d5, form acc
; add rax, -19088744
; EXPECT rax=0x123456788888887
; EXPECT flags=CF,PF,AF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    push 0x8d5
    popfq
    add rax, -19088744
%include "epilogue.inc"
