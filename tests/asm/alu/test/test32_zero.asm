; test 32-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form rr
; test r10d, r15d
; EXPECT r15=0x5a5a5a5a0000000f
; EXPECT r10=0xa5a5a5a5000000f0
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r10, 0xa5a5a5a5000000f0
    mov r15, 0x5a5a5a5a0000000f
    test r10d, r15d
%include "epilogue.inc"
