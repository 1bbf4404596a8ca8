; inc 16-bit, case wrap: a=0xffff, flags before=0x0, form r
; inc r10w
; EXPECT r10=0xa5a5a5a5a5a50000
; EXPECT flags=PF,AF,ZF
%include "prologue.inc"
    mov r10, 0xa5a5a5a5a5a5ffff
    inc r10w
%include "epilogue.inc"
