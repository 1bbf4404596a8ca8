; add 16-bit, case neg_ovf: a=0x8000 b=0x8000, flags before=0x0, form lock_mr
; lock add word [scratch], r8w
; EXPECT rax=0xa5a5a5a5a5a58000
; EXPECT r8=0x5a5a5a5a5a5a8000
; EXPECT mem[0]=0xa5a5a5a5a5a50000
; EXPECT flags=CF,PF,ZF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58000
    mov [scratch], rax
    mov r8, 0x5a5a5a5a5a5a8000
    lock add word [scratch], r8w
%include "epilogue.inc"
