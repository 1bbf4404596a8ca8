; neg 32-bit, case smin: a=0x80000000, flags before=0x0, form r
; neg ebx
; EXPECT rbx=0x80000000
; EXPECT flags=CF,PF,SF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a580000000
    neg ebx
%include "epilogue.inc"
