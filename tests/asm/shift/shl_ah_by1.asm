; shl ah, 1: the high-8 register is read and merged back.
; EXPECT rax=0xaaaa0280 flags=CF,OF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov eax, 0xaaaa8180
    shl ah, 1
%include "epilogue.inc"
