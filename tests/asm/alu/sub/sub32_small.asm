; sub 32-bit, case small: a=0x5 b=0x3, flags before=0x0, form acc
; sub eax, 0x3
; EXPECT rax=0x2
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000005
    sub eax, 0x3
%include "epilogue.inc"
