; cmp 16-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form acc
; cmp ax, 0x1
; EXPECT rax=0xa5a5a5a5a5a50000
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50000
    cmp ax, 0x1
%include "epilogue.inc"
