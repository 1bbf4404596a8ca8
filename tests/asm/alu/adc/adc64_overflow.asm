; adc 64-bit, case overflow: a=0x7fffffffffffffff b=0x1, flags before=0x0, form rm
; adc rbx, qword [scratch + 8]
; EXPECT rax=0x1 mem[8]=0x1
; EXPECT rbx=0x8000000000000000
; EXPECT flags=PF,AF,SF,OF
%include "prologue.inc"
    mov rbx, 0x7fffffffffffffff
    mov rax, 0x1
    mov [scratch + 8], rax
    adc rbx, qword [scratch + 8]
%include "epilogue.inc"
