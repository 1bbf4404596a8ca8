; inc 16-bit, case af: a=0xf, flags before=0x1, form r
; inc r11w
; EXPECT r11=0xa5a5a5a5a5a50010
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a5000f
    push 0x1
    popfq
    inc r11w
%include "epilogue.inc"
