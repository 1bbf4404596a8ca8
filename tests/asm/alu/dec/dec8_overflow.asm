; dec 8-bit, case overflow: a=0x7f, flags before=0x8d5, form h8
; dec dh
; EXPECT rdx=0xa5a5a5a5a5a57ea5
; EXPECT flags=CF,PF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a57fa5
    push 0x8d5
    popfq
    dec dh
%include "epilogue.inc"
