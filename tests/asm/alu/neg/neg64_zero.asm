; neg 64-bit, case zero: a=0x0, flags before=0x8d5, form r
; neg rbp
; EXPECT rbp=0x0
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rbp, 0x0
    push 0x8d5
    popfq
    neg rbp
%include "epilogue.inc"
