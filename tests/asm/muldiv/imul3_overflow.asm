; imul r16, r/m16, imm16 overflow: 0x100 * 0x100 -> 0.
; EXPECT rax=0x1111111111110000 rbx=0x100 flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0x1111111111111111
    mov ebx, 0x100
    imul ax, bx, 0x100
%include "epilogue.inc"
