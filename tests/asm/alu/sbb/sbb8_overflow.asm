; sbb 8-bit, case overflow: a=0x80 b=0x1, flags before=0x0, form acc
; sbb al, 0x1
; EXPECT rax=0xa5a5a5a5a5a5a57f
; EXPECT flags=AF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a580
    sbb al, 0x1
%include "epilogue.inc"
