; test 32-bit, case mixed: a=0x12345678 b=0x8765fedc, flags before=0x8d5, form acc
; test eax, 0x8765fedc
; EXPECT rax=0xa5a5a5a512345678
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a512345678
    push 0x8d5
    popfq
    test eax, 0x8765fedc
%include "epilogue.inc"
