; dec 16-bit, case af: a=0xf, flags before=0x1, form r
; dec r11w
; EXPECT r11=0xa5a5a5a5a5a5000e
; EXPECT flags=CF
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a5000f
    push 0x1
    popfq
    dec r11w
%include "epilogue.inc"
