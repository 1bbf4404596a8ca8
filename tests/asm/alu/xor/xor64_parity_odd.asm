; xor 64-bit, case parity_odd: a=0x7 b=0xd, flags before=0x0, form rr
; xor r9, r14
; EXPECT r14=0xd
; EXPECT r9=0xa
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r9, 0x7
    mov r14, 0xd
    xor r9, r14
%include "epilogue.inc"
