; adc 8-bit, case overflow: a=0x7f b=0x1, flags before=0x0, form rm
; adc bl, byte [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a5a01 mem[8]=0x5a5a5a5a5a5a5a01
; EXPECT rbx=0xa5a5a5a5a5a5a580
; EXPECT flags=AF,SF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a5a5a5a57f
    mov rax, 0x5a5a5a5a5a5a5a01
    mov [scratch + 8], rax
    adc bl, byte [scratch + 8]
%include "epilogue.inc"
