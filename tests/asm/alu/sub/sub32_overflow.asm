; sub 32-bit, case overflow: a=0x80000000 b=0x1, flags before=0x0, form rr
; sub ebp, edi
; EXPECT rdi=0x5a5a5a5a00000001
; EXPECT rbp=0x7fffffff
; EXPECT flags=PF,AF,OF
%include "prologue.inc"
    mov rbp, 0xa5a5a5a580000000
    mov rdi, 0x5a5a5a5a00000001
    sub ebp, edi
%include "epilogue.inc"
