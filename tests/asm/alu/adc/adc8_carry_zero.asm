; adc 8-bit, case carry_zero: a=0xff b=0x1, flags before=0x8d5, form mr
; adc byte [scratch], dl
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT rdx=0x5a5a5a5a5a5a5a01
; EXPECT mem[0]=0xa5a5a5a5a5a5a501
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    mov [scratch], rax
    mov rdx, 0x5a5a5a5a5a5a5a01
    push 0x8d5
    popfq
    adc byte [scratch], dl
%include "epilogue.inc"
