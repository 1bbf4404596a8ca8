; cmp 8-bit, case overflow: a=0x80 b=0x1, flags before=0x0, form acc
; cmp al, 0x1
; EXPECT rax=0xa5a5a5a5a5a5a580
; EXPECT flags=AF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a580
    cmp al, 0x1
%include "epilogue.inc"
