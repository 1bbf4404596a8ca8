; mul r32: edx:eax, both zero-extended; no overflow.
; EXPECT rax=0x100000 rdx=0 rsi=0x10 flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0xffffffff00010000
    mov rdx, -1
    mov esi, 0x10
    mul esi
%include "epilogue.inc"
