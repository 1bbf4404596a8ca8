; neg 8-bit, case neg1: a=0xff, flags before=0x0, form r
; neg r12b
; EXPECT r12=0xa5a5a5a5a5a5a501
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov r12, 0xa5a5a5a5a5a5a5ff
    neg r12b
%include "epilogue.inc"
