; not 16-bit, case keepflags: a=0x8000, flags before=0x8d5, form r
; not r10w
; EXPECT r10=0xa5a5a5a5a5a57fff
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    mov r10, 0xa5a5a5a5a5a58000
    push 0x8d5
    popfq
    not r10w
%include "epilogue.inc"
