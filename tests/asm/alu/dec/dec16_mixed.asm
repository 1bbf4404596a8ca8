; dec 16-bit, case mixed: a=0x7e5c, flags before=0x0, form lock_m
; lock dec word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a57e5c mem[16]=0xa5a5a5a5a5a57e5b
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a57e5c
    mov [scratch + 16], rax
    lock dec word [scratch + 16]
%include "epilogue.inc"
