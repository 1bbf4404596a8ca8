; mul r8: ax = al * src; CF = OF = (ah != 0). Upper bits of rax are kept.
; EXPECT rax=0xffffffffffff0100 rbx=2 flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0xffffffffffffff80
    mov ebx, 2
    mul bl
%include "epilogue.inc"
