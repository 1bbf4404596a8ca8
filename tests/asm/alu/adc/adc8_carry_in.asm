; adc 8-bit, case carry_in: a=0xff b=0x0, flags before=0x1, form lock_mr
; lock adc byte [scratch], bl
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT rbx=0x5a5a5a5a5a5a5a00
; EXPECT mem[0]=0xa5a5a5a5a5a5a500
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    mov [scratch], rax
    mov rbx, 0x5a5a5a5a5a5a5a00
    push 0x1
    popfq
    lock adc byte [scratch], bl
%include "epilogue.inc"
