; cmp 16-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form ri
; cmp si, 0x0
; EXPECT rsi=0xa5a5a5a5a5a50001
; EXPECT flags=
%include "prologue.inc"
    mov rsi, 0xa5a5a5a5a5a50001
    push 0x1
    popfq
    cmp si, 0x0
%include "epilogue.inc"
