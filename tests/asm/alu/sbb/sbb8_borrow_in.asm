; sbb 8-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form lock_mr
; lock sbb byte [scratch], bl
; EXPECT rax=0xa5a5a5a5a5a5a501
; EXPECT rbx=0x5a5a5a5a5a5a5a00
; EXPECT mem[0]=0xa5a5a5a5a5a5a500
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a501
    mov [scratch], rax
    mov rbx, 0x5a5a5a5a5a5a5a00
    push 0x1
    popfq
    lock sbb byte [scratch], bl
%include "epilogue.inc"
