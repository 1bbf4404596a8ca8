; neg 16-bit, case small: a=0x5, flags before=0x0, form lock_m
; lock neg word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a50005 mem[16]=0xa5a5a5a5a5a5fffb
; EXPECT flags=CF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50005
    mov [scratch + 16], rax
    lock neg word [scratch + 16]
%include "epilogue.inc"
