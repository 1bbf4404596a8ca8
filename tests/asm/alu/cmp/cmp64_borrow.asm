; cmp 64-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form acc
; cmp rax, 1
; EXPECT rax=0x0
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0x0
    cmp rax, 1
%include "epilogue.inc"
