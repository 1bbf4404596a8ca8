; sub 8-bit, case mixed: a=0x5c b=0x3a, flags before=0x8d5, form acc
; sub al, 0x3a
; EXPECT rax=0xa5a5a5a5a5a5a522
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a55c
    push 0x8d5
    popfq
    sub al, 0x3a
%include "epilogue.inc"
