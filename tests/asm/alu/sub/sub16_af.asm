; sub 16-bit, case af: a=0x10 b=0x1, flags before=0x0, form lock_mr
; lock sub word [scratch], r8w
; EXPECT rax=0xa5a5a5a5a5a50010
; EXPECT r8=0x5a5a5a5a5a5a0001
; EXPECT mem[0]=0xa5a5a5a5a5a5000f
; EXPECT flags=PF,AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50010
    mov [scratch], rax
    mov r8, 0x5a5a5a5a5a5a0001
    lock sub word [scratch], r8w
%include "epilogue.inc"
