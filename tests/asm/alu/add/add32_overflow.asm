; add 32-bit, case overflow: a=0x7fffffff b=0x1, flags before=0x0, form lock_mr
; lock add dword [scratch], ecx
; EXPECT rax=0xa5a5a5a57fffffff
; EXPECT rcx=0x5a5a5a5a00000001
; EXPECT mem[0]=0xa5a5a5a580000000
; EXPECT flags=PF,AF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a57fffffff
    mov [scratch], rax
    mov rcx, 0x5a5a5a5a00000001
    lock add dword [scratch], ecx
%include "epilogue.inc"
