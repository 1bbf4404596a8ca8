; shr r64, 1: OF = MSB of the original operand.
; EXPECT rax=0x4000000000000001 flags=CF,OF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000003
    shr rax, 1
%include "epilogue.inc"
