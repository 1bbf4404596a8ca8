; sbb 64-bit, case small: a=0x5 b=0x3, flags before=0x0, form ri
; sbb r11, 3
; EXPECT r11=0x2
; EXPECT flags=
%include "prologue.inc"
    mov r11, 0x5
    sbb r11, 3
%include "epilogue.inc"
