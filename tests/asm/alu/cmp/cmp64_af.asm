; cmp 64-bit, case af: a=0x10 b=0x1, flags before=0x0, form rr
; cmp r9, r14
; EXPECT r14=0x1
; EXPECT r9=0x10
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov r9, 0x10
    mov r14, 0x1
    cmp r9, r14
%include "epilogue.inc"
