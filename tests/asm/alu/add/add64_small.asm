; add 64-bit, case small: a=0x1 b=0x2, flags before=0x0, form ri
; add r11, 2
; EXPECT r11=0x3
; EXPECT flags=PF
%include "prologue.inc"
    mov r11, 0x1
    add r11, 2
%include "epilogue.inc"
