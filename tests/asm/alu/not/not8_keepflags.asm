; not 8-bit, case keepflags: a=0x80, flags before=0x8d5, form lock_m
; lock not byte [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a5a580 mem[16]=0xa5a5a5a5a5a5a57f
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a580
    mov [scratch + 16], rax
    push 0x8d5
    popfq
    lock not byte [scratch + 16]
%include "epilogue.inc"
