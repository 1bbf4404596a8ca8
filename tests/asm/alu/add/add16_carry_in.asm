; add 16-bit, case carry_in: a=0xffff b=0x0, flags before=0x1, form rr
; add si, r11w
; EXPECT r11=0x5a5a5a5a5a5a0000
; EXPECT rsi=0xa5a5a5a5a5a5ffff
; EXPECT flags=PF,SF
%include "prologue.inc"
    mov rsi, 0xa5a5a5a5a5a5ffff
    mov r11, 0x5a5a5a5a5a5a0000
    push 0x1
    popfq
    add si, r11w
%include "epilogue.inc"
