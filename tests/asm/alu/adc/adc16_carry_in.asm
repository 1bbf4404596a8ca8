; adc 16-bit, case carry_in: a=0xffff b=0x0, flags before=0x1, form rr
; adc si, r11w
; EXPECT r11=0x5a5a5a5a5a5a0000
; EXPECT rsi=0xa5a5a5a5a5a50000
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rsi, 0xa5a5a5a5a5a5ffff
    mov r11, 0x5a5a5a5a5a5a0000
    push 0x1
    popfq
    adc si, r11w
%include "epilogue.inc"
