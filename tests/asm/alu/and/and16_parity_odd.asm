; and 16-bit, case parity_odd: a=0x7 b=0xd, flags before=0x0, form rr
; and bx, r8w
; EXPECT r8=0x5a5a5a5a5a5a000d
; EXPECT rbx=0xa5a5a5a5a5a50005
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a5a5a50007
    mov r8, 0x5a5a5a5a5a5a000d
    and bx, r8w
%include "epilogue.inc"
