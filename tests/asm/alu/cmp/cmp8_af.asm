; cmp 8-bit, case af: a=0x10 b=0x1, flags before=0x0, form h8
; cmp ah, ch
; EXPECT rax=0xa5a5a5a5a5a510a5 rcx=0x5a5a5a5a5a5a015a
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a510a5
    mov rcx, 0x5a5a5a5a5a5a015a
    cmp ah, ch
%include "epilogue.inc"
