; test 16-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form acc
; test ax, 0xf
; EXPECT rax=0xa5a5a5a5a5a500f0
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a500f0
    test ax, 0xf
%include "epilogue.inc"
