; neg 64-bit, case af: a=0x10, flags before=0x0, form r
; neg rbx
; EXPECT rbx=0xfffffffffffffff0
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rbx, 0x10
    neg rbx
%include "epilogue.inc"
