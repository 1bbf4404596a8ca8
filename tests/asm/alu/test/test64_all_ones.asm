; test 64-bit, case all_ones: a=0xffffffffffffffff b=0xffffffffffffffff, flags before=0x0, form ri
; test rsi, -1
; EXPECT rsi=0xffffffffffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rsi, 0xffffffffffffffff
    test rsi, -1
%include "epilogue.inc"
