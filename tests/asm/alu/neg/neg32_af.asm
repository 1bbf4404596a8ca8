; neg 32-bit, case af: a=0x10, flags before=0x0, form lock_m
; lock neg dword [scratch + 16]
; EXPECT rax=0xa5a5a5a500000010 mem[16]=0xa5a5a5a5fffffff0
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000010
    mov [scratch + 16], rax
    lock neg dword [scratch + 16]
%include "epilogue.inc"
