; dec 8-bit, case to_smin: a=0x80, flags before=0x1, form r
; dec r12b
; EXPECT r12=0xa5a5a5a5a5a5a57f
; EXPECT flags=CF,AF,OF
%include "prologue.inc"
    mov r12, 0xa5a5a5a5a5a5a580
    push 0x1
    popfq
    dec r12b
%include "epilogue.inc"
