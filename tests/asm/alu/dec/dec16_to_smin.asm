; dec 16-bit, case to_smin: a=0x8000, flags before=0x1, form lock_m
; lock dec word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a58000 mem[16]=0xa5a5a5a5a5a57fff
; EXPECT flags=CF,PF,AF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58000
    mov [scratch + 16], rax
    push 0x1
    popfq
    lock dec word [scratch + 16]
%include "epilogue.inc"
