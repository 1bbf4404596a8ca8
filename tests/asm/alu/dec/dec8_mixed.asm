; dec 8-bit, case mixed: a=0x5c, flags before=0x0, form h8
; dec dh
; EXPECT rdx=0xa5a5a5a5a5a55ba5
; EXPECT flags=
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a55ca5
    dec dh
%include "epilogue.inc"
