; shl r64, 1 (D1 /4): CF = bit shifted out, OF = MSB(result) xor CF.
; EXPECT rax=0x8000000000000002 flags=CF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xc000000000000001
    shl rax, 1
%include "epilogue.inc"
