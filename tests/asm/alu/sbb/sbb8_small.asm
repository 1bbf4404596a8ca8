; sbb 8-bit, case small: a=0x5 b=0x3, flags before=0x0, form ri
; sbb r11b, 0x3
; EXPECT r11=0xa5a5a5a5a5a5a502
; EXPECT flags=
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a5a505
    sbb r11b, 0x3
%include "epilogue.inc"
