; neg 8-bit, case smin: a=0x80, flags before=0x0, form h8
; neg dh
; EXPECT rdx=0xa5a5a5a5a5a580a5
; EXPECT flags=CF,SF,OF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a580a5
    neg dh
%include "epilogue.inc"
