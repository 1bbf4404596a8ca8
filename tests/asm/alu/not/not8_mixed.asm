; not 8-bit, case mixed: a=0x5c, flags before=0x801, form h8
; not dh
; EXPECT rdx=0xa5a5a5a5a5a5a3a5
; EXPECT flags=CF,OF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a55ca5
    push 0x801
    popfq
    not dh
%include "epilogue.inc"
