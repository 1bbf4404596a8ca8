; sar r64, 1: sign fills in, OF = 0.
; EXPECT rax=0xc000000000000000 flags=CF,SF,PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000001
    sar rax, 1
%include "epilogue.inc"
