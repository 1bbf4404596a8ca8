; sbb 64-bit, case mixed: a=0x123456789abcdef b=0xfffffffffedcba98, flags before=0x8d5, form acc
; sbb rax, -19088744
; EXPECT rax=0x12345678acf1356
; EXPECT flags=CF,PF
%include "prologue.inc"
    mov rax, 0x123456789abcdef
    push 0x8d5
    popfq
    sbb rax, -19088744
%include "epilogue.inc"
