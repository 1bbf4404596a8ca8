; inc 64-bit, case af: a=0xf, flags before=0x1, form r
; inc rbx
; EXPECT rbx=0x10
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rbx, 0xf
    push 0x1
    popfq
    inc rbx
%include "epilogue.inc"
