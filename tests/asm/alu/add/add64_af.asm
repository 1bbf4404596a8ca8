; add 64-bit, case af: a=0xf b=0x1, flags before=0x0, form acc
; add rax, 1
; EXPECT rax=0x10
; EXPECT flags=AF
%include "prologue.inc"
    mov rax, 0xf
    add rax, 1
%include "epilogue.inc"
