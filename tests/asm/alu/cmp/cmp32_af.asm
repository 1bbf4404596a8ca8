; cmp 32-bit, case af: a=0x10 b=0x1, flags before=0x0, form mr
; cmp dword [scratch], r10d
; EXPECT rax=0xa5a5a5a500000010
; EXPECT r10=0x5a5a5a5a00000001
; EXPECT mem[0]=0xa5a5a5a500000010
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000010
    mov [scratch], rax
    mov r10, 0x5a5a5a5a00000001
    cmp dword [scratch], r10d
%include "epilogue.inc"
