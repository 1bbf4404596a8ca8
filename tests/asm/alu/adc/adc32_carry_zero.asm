; adc 32-bit, case carry_zero: a=0xffffffff b=0x1, flags before=0x8d5, form mi
; adc dword [scratch], 0x1
; EXPECT rax=0xa5a5a5a5ffffffff
; EXPECT mem[0]=0xa5a5a5a500000001
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch], rax
    push 0x8d5
    popfq
    adc dword [scratch], 0x1
%include "epilogue.inc"
