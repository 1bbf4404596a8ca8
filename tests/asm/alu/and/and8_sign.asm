; and 8-bit, case sign: a=0xff b=0x80, flags before=0x8d5, form rm
; and bl, byte [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a5a80 mem[8]=0x5a5a5a5a5a5a5a80
; EXPECT rbx=0xa5a5a5a5a5a5a580
; EXPECT flags=SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a5a5a5a5ff
    mov rax, 0x5a5a5a5a5a5a5a80
    mov [scratch + 8], rax
    push 0x8d5
    popfq
    and bl, byte [scratch + 8]
%include "epilogue.inc"
