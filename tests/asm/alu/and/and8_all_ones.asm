; and 8-bit, case all_ones: a=0xff b=0xff, flags before=0x0, form acc
; and al, 0xff
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    and al, 0xff
%include "epilogue.inc"
