; sub 16-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form rr
; sub si, r11w
; EXPECT r11=0x5a5a5a5a5a5a0000
; EXPECT rsi=0xa5a5a5a5a5a50001
; EXPECT flags=
%include "prologue.inc"
    mov rsi, 0xa5a5a5a5a5a50001
    mov r11, 0x5a5a5a5a5a5a0000
    push 0x1
    popfq
    sub si, r11w
%include "epilogue.inc"
