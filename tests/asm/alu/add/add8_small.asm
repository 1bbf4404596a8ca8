; add 8-bit, case small: a=0x1 b=0x2, flags before=0x0, form ri
; add r11b, 0x2
; EXPECT r11=0xa5a5a5a5a5a5a503
; EXPECT flags=PF
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a5a501
    add r11b, 0x2
%include "epilogue.inc"
