; inc 32-bit, case zero: a=0x0, flags before=0x8d5, form r
; inc ecx
; EXPECT rcx=0x1
; EXPECT flags=CF
%include "prologue.inc"
    mov rcx, 0xa5a5a5a500000000
    push 0x8d5
    popfq
    inc ecx
%include "epilogue.inc"
