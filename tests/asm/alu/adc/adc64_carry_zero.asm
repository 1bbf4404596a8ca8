; adc 64-bit, case carry_zero: a=0xffffffffffffffff b=0x1, flags before=0x8d5, form mr
; adc qword [scratch], rdx
; EXPECT rax=0xffffffffffffffff
; EXPECT rdx=0x1
; EXPECT mem[0]=0x1
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0xffffffffffffffff
    mov [scratch], rax
    mov rdx, 0x1
    push 0x8d5
    popfq
    adc qword [scratch], rdx
%include "epilogue.inc"
