; add 16-bit, case overflow: a=0x7fff b=0x1, flags before=0x0, form acc
; add ax, 0x1
; EXPECT rax=0xa5a5a5a5a5a58000
; EXPECT flags=PF,AF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57fff
    add ax, 0x1
%include "epilogue.inc"
