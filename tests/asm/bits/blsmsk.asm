; blsmsk: mask up to and including the lowest set bit. CF = (source == 0), ZF = 0,
; SF from the result, OF = 0.
; EXPECT rax=0x1f rbx=0xffffffffffffffff rcx=0xfff0 flags=CF,SF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov ecx, 0xfff0
    blsmsk eax, ecx
    blsmsk rbx, [rel scratch]          ; source 0: all ones, CF = 1
%include "epilogue.inc"
