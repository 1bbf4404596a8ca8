; inc 8-bit, case mixed: a=0x5c, flags before=0x0, form h8
; inc dh
; EXPECT rdx=0xa5a5a5a5a5a55da5
; EXPECT flags=
%include "prologue.inc"
    mov rdx, 0xa5a5a5a5a5a55ca5
    inc dh
%include "epilogue.inc"
