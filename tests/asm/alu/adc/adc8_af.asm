; adc 8-bit, case af: a=0xf b=0x1, flags before=0x0, form h8
; adc ah, ch
; EXPECT rax=0xa5a5a5a5a5a510a5 rcx=0x5a5a5a5a5a5a015a
; EXPECT flags=AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50fa5
    mov rcx, 0x5a5a5a5a5a5a015a
    adc ah, ch
%include "epilogue.inc"
