; add 8-bit, case carry_in: a=0xff b=0x0, flags before=0x1, form lock_mr
; lock add byte [scratch], bl
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT rbx=0x5a5a5a5a5a5a5a00
; EXPECT mem[0]=0xa5a5a5a5a5a5a5ff
; EXPECT flags=PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    mov [scratch], rax
    mov rbx, 0x5a5a5a5a5a5a5a00
    push 0x1
    popfq
    lock add byte [scratch], bl
%include "epilogue.inc"
