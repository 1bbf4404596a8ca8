; cmp 16-bit, case af: a=0x10 b=0x1, flags before=0x0, form rr
; cmp bx, r8w
; EXPECT r8=0x5a5a5a5a5a5a0001
; EXPECT rbx=0xa5a5a5a5a5a50010
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a5a5a50010
    mov r8, 0x5a5a5a5a5a5a0001
    cmp bx, r8w
%include "epilogue.inc"
