; adc 64-bit, case carry_in: a=0xffffffffffffffff b=0x0, flags before=0x1, form lock_mr
; lock adc qword [scratch], rbx
; EXPECT rax=0xffffffffffffffff
; EXPECT rbx=0x0
; EXPECT mem[0]=0x0
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rax, 0xffffffffffffffff
    mov [scratch], rax
    mov rbx, 0x0
    push 0x1
    popfq
    lock adc qword [scratch], rbx
%include "epilogue.inc"
