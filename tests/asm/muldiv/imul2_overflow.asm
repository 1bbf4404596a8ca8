; imul r64, r64 overflow: 2^62 * 4 -> 0 truncated, CF = OF = 1.
; EXPECT rax=0 rbx=4 flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0x4000000000000000
    mov ebx, 4
    imul rax, rbx
%include "epilogue.inc"
