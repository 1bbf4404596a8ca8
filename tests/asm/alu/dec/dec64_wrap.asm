; dec 64-bit, case wrap: a=0xffffffffffffffff, flags before=0x0, form r
; dec rbp
; EXPECT rbp=0xfffffffffffffffe
; EXPECT flags=SF
%include "prologue.inc"
    mov rbp, 0xffffffffffffffff
    dec rbp
%include "epilogue.inc"
