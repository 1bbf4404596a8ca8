; cmp 32-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form rm
; cmp r8d, dword [scratch + 8]
; EXPECT rax=0x5a5a5a5a00000000 mem[8]=0x5a5a5a5a00000000
; EXPECT r8=0xa5a5a5a500000001
; EXPECT flags=
%include "prologue.inc"
    mov r8, 0xa5a5a5a500000001
    mov rax, 0x5a5a5a5a00000000
    mov [scratch + 8], rax
    push 0x1
    popfq
    cmp r8d, dword [scratch + 8]
%include "epilogue.inc"
