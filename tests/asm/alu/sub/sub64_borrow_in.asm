; sub 64-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form lock_mr
; lock sub qword [scratch], rbx
; EXPECT rax=0x1
; EXPECT rbx=0x0
; EXPECT mem[0]=0x1
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0x1
    mov [scratch], rax
    mov rbx, 0x0
    push 0x1
    popfq
    lock sub qword [scratch], rbx
%include "epilogue.inc"
