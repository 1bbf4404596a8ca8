; add 32-bit, case carry_in: a=0xffffffff b=0x0, flags before=0x1, form mr
; add dword [scratch], r13d
; EXPECT rax=0xa5a5a5a5ffffffff
; EXPECT r13=0x5a5a5a5a00000000
; EXPECT mem[0]=0xa5a5a5a5ffffffff
; EXPECT flags=PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch], rax
    mov r13, 0x5a5a5a5a00000000
    push 0x1
    popfq
    add dword [scratch], r13d
%include "epilogue.inc"
