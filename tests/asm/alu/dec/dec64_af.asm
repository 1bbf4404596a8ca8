; dec 64-bit, case af: a=0xf, flags before=0x1, form r
; dec rbx
; EXPECT rbx=0xe
; EXPECT flags=CF
%include "prologue.inc"
    mov rbx, 0xf
    push 0x1
    popfq
    dec rbx
%include "epilogue.inc"
