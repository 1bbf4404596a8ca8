; cmp 64-bit, case small: a=0x5 b=0x3, flags before=0x0, form mr
; cmp qword [scratch], rbp
; EXPECT rax=0x5
; EXPECT rbp=0x3
; EXPECT mem[0]=0x5
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0x5
    mov [scratch], rax
    mov rbp, 0x3
    cmp qword [scratch], rbp
%include "epilogue.inc"
