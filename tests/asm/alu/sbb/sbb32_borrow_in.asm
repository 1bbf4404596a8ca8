; sbb 32-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form mr
; sbb dword [scratch], r13d
; EXPECT rax=0xa5a5a5a500000001
; EXPECT r13=0x5a5a5a5a00000000
; EXPECT mem[0]=0xa5a5a5a500000000
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000001
    mov [scratch], rax
    mov r13, 0x5a5a5a5a00000000
    push 0x1
    popfq
    sbb dword [scratch], r13d
%include "epilogue.inc"
