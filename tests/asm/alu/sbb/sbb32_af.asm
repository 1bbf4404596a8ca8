; sbb 32-bit, case af: a=0x10 b=0x1, flags before=0x0, form ri
; sbb edx, 0x1
; EXPECT rdx=0xf
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a500000010
    sbb edx, 0x1
%include "epilogue.inc"
