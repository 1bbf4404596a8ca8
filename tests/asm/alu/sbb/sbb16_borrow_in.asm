; sbb 16-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form rr
; sbb si, r11w
; EXPECT r11=0x5a5a5a5a5a5a0000
; EXPECT rsi=0xa5a5a5a5a5a50000
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rsi, 0xa5a5a5a5a5a50001
    mov r11, 0x5a5a5a5a5a5a0000
    push 0x1
    popfq
    sbb si, r11w
%include "epilogue.inc"
