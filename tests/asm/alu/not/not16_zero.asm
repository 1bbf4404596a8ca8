; not 16-bit, case zero: a=0x0, flags before=0x0, form lock_m
; lock not word [scratch + 16]
; EXPECT rax=0xa5a5a5a5a5a50000 mem[16]=0xa5a5a5a5a5a5ffff
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50000
    mov [scratch + 16], rax
    lock not word [scratch + 16]
%include "epilogue.inc"
