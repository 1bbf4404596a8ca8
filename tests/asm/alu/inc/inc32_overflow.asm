; inc 32-bit, case overflow: a=0x7fffffff, flags before=0x8d5, form r
; inc ebx
; EXPECT rbx=0x80000000
; EXPECT flags=CF,PF,AF,SF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a57fffffff
    push 0x8d5
    popfq
    inc ebx
%include "epilogue.inc"
