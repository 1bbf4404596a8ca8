; sub 32-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form mr
; sub dword [scratch], r13d
; EXPECT rax=0xa5a5a5a500000001
; EXPECT r13=0x5a5a5a5a00000000
; EXPECT mem[0]=0xa5a5a5a500000001
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000001
    mov [scratch], rax
    mov r13, 0x5a5a5a5a00000000
    push 0x1
    popfq
    sub dword [scratch], r13d
%include "epilogue.inc"
