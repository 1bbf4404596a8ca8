; adc 32-bit, case small: a=0x1 b=0x2, flags before=0x0, form acc
; adc eax, 0x2
; EXPECT rax=0x3
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000001
    adc eax, 0x2
%include "epilogue.inc"
