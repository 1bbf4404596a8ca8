; Rotates write only CF and OF: ZF/PF/SF/AF set by an earlier instruction survive.
; popcnt of 0 gives exactly ZF.
; EXPECT rbx=8 rdx=0 flags=ZF
; EXPECT-FLAGS-MASK CF,PF,AF,ZF,SF
%include "prologue.inc"
    mov rbx, 0x8000000000000000
    popcnt rdx, rdx
    rol rbx, 4
%include "epilogue.inc"
