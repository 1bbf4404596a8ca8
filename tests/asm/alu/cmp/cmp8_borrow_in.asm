; cmp 8-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form h8
; cmp ah, ch
; EXPECT rax=0xa5a5a5a5a5a501a5 rcx=0x5a5a5a5a5a5a005a
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a501a5
    mov rcx, 0x5a5a5a5a5a5a005a
    push 0x1
    popfq
    cmp ah, ch
%include "epilogue.inc"
