; sub 32-bit, case mixed: a=0x12345678 b=0x8765fedc, flags before=0x8d5, form acc
; sub eax, 0x8765fedc
; EXPECT rax=0x8ace579c
; EXPECT flags=CF,PF,AF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a512345678
    push 0x8d5
    popfq
    sub eax, 0x8765fedc
%include "epilogue.inc"
