; neg 16-bit, case zero: a=0x0, flags before=0x8d5, form r
; neg r10w
; EXPECT r10=0xa5a5a5a5a5a50000
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov r10, 0xa5a5a5a5a5a50000
    push 0x8d5
    popfq
    neg r10w
%include "epilogue.inc"
