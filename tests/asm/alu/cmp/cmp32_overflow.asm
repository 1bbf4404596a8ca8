; cmp 32-bit, case overflow: a=0x80000000 b=0x1, flags before=0x0, form ri
; cmp ebp, 0x1
; EXPECT rbp=0xa5a5a5a580000000
; EXPECT flags=PF,AF,OF
%include "prologue.inc"
    mov rbp, 0xa5a5a5a580000000
    cmp ebp, 0x1
%include "epilogue.inc"
