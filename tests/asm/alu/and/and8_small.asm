; and 8-bit, case small: a=0xc b=0xa, flags before=0x8d5, form ri
; and r11b, 0xa
; EXPECT r11=0xa5a5a5a5a5a5a508
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r11, 0xa5a5a5a5a5a5a50c
    push 0x8d5
    popfq
    and r11b, 0xa
%include "epilogue.inc"
