; and 64-bit, case all_ones: a=0xffffffffffffffff b=0xffffffffffffffff, flags before=0x0, form acc
; and rax, -1
; EXPECT rax=0xffffffffffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xffffffffffffffff
    and rax, -1
%include "epilogue.inc"
