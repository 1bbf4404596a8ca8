; add 32-bit, case mixed: a=0x12345678 b=0x8765fedc, flags before=0x8d5, form acc
; add eax, 0x8765fedc
; EXPECT rax=0x999a5554
; EXPECT flags=AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a512345678
    push 0x8d5
    popfq
    add eax, 0x8765fedc
%include "epilogue.inc"
