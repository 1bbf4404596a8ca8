; sub 64-bit, case overflow: a=0x8000000000000000 b=0x1, flags before=0x0, form acc
; sub rax, 1
; EXPECT rax=0x7fffffffffffffff
; EXPECT flags=PF,AF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    sub rax, 1
%include "epilogue.inc"
