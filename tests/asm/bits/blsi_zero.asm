; blsi of zero: result 0, ZF = 1, CF = 0.
; EXPECT rax=0 flags=ZF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov rax, -1
    blsi rax, rbx
%include "epilogue.inc"
