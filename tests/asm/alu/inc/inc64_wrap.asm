; inc 64-bit, case wrap: a=0xffffffffffffffff, flags before=0x0, form r
; inc rbp
; EXPECT rbp=0x0
; EXPECT flags=PF,AF,ZF
%include "prologue.inc"
    mov rbp, 0xffffffffffffffff
    inc rbp
%include "epilogue.inc"
