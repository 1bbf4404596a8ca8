; blsr of zero: (0 - 1) & 0 = 0, so CF = 1 and ZF = 1; the 32-bit form zero-extends.
; EXPECT rax=0 rbx=0 flags=CF,ZF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov rax, -1
    blsr eax, ebx
%include "epilogue.inc"
