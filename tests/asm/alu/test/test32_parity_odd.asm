; test 32-bit, case parity_odd: a=0x7 b=0xd, flags before=0x0, form rr
; test edx, r10d
; EXPECT r10=0x5a5a5a5a0000000d
; EXPECT rdx=0xa5a5a5a500000007
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a500000007
    mov r10, 0x5a5a5a5a0000000d
    test edx, r10d
%include "epilogue.inc"
