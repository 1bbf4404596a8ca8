; dec 32-bit, case overflow: a=0x7fffffff, flags before=0x8d5, form r
; dec ebx
; EXPECT rbx=0x7ffffffe
; EXPECT flags=CF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a57fffffff
    push 0x8d5
    popfq
    dec ebx
%include "epilogue.inc"
