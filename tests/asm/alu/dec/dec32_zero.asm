; dec 32-bit, case zero: a=0x0, flags before=0x8d5, form r
; dec ecx
; EXPECT rcx=0xffffffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rcx, 0xa5a5a5a500000000
    push 0x8d5
    popfq
    dec ecx
%include "epilogue.inc"
