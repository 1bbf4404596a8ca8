; cmp 32-bit, case small: a=0x5 b=0x3, flags before=0x0, form acc
; cmp eax, 0x3
; EXPECT rax=0xa5a5a5a500000005
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000005
    cmp eax, 0x3
%include "epilogue.inc"
