; or 32-bit, case sign: a=0xffffffff b=0x80000000, flags before=0x8d5, form lock_mr
; lock or dword [scratch], ecx
; EXPECT rax=0xa5a5a5a5ffffffff
; EXPECT rcx=0x5a5a5a5a80000000
; EXPECT mem[0]=0xa5a5a5a5ffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch], rax
    mov rcx, 0x5a5a5a5a80000000
    push 0x8d5
    popfq
    lock or dword [scratch], ecx
%include "epilogue.inc"
