; not 32-bit, case mixed: a=0x12345678, flags before=0x801, form r
; not ebx
; EXPECT rbx=0xedcba987
; EXPECT flags=CF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a512345678
    push 0x801
    popfq
    not ebx
%include "epilogue.inc"
