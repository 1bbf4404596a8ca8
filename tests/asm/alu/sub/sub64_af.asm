; sub 64-bit, case af: a=0x10 b=0x1, flags before=0x0, form mi
; sub qword [scratch], 1
; EXPECT rax=0x10
; EXPECT mem[0]=0xf
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rax, 0x10
    mov [scratch], rax
    sub qword [scratch], 1
%include "epilogue.inc"
