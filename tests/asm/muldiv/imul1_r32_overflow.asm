; imul r32 one-operand overflow: 0x7fffffff * 2.
; EXPECT rax=0xfffffffe rdx=0 rcx=2 flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov eax, 0x7fffffff
    mov ecx, 2
    imul ecx
%include "epilogue.inc"
