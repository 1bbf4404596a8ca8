; dec 16-bit, case wrap: a=0xffff, flags before=0x0, form r
; dec r10w
; EXPECT r10=0xa5a5a5a5a5a5fffe
; EXPECT flags=SF
%include "prologue.inc"
    mov r10, 0xa5a5a5a5a5a5ffff
    dec r10w
%include "epilogue.inc"
