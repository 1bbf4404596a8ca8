; not 64-bit, case zero: a=0x0, flags before=0x0, form lock_m
; lock not qword [scratch + 16]
; EXPECT rax=0x0 mem[16]=0xffffffffffffffff
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0x0
    mov [scratch + 16], rax
    lock not qword [scratch + 16]
%include "epilogue.inc"
