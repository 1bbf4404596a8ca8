; shl r16, cl merges into the 64-bit register; CF = last bit shifted out (bit 13).
; EXPECT rdx=0x1111111111110008 rcx=3 flags=CF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rdx, 0x1111111111112001
    mov ecx, 3
    shl dx, cl
%include "epilogue.inc"
