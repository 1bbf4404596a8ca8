; neg 16-bit, case af: a=0x10, flags before=0x0, form r
; neg r11w
; EXPECT r11=0xa5a5a5a5a5a5fff0
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a50010
    neg r11w
%include "epilogue.inc"
