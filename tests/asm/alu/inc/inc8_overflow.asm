; inc 8-bit, case overflow: a=0x7f, flags before=0x8d5, form h8
; inc dh
; EXPECT rdx=0xa5a5a5a5a5a580a5
; EXPECT flags=CF,AF,SF,OF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a57fa5
    push 0x8d5
    popfq
    inc dh
%include "epilogue.inc"
