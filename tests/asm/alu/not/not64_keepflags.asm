; not 64-bit, case keepflags: a=0x8000000000000000, flags before=0x8d5, form r
; not rbp
; EXPECT rbp=0x7fffffffffffffff
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    mov rbp, 0x8000000000000000
    push 0x8d5
    popfq
    not rbp
%include "epilogue.inc"
