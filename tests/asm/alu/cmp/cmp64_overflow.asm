; cmp 64-bit, case overflow: a=0x8000000000000000 b=0x1, flags before=0x0, form mi
; cmp qword [scratch], 1
; EXPECT rax=0x8000000000000000
; EXPECT mem[0]=0x8000000000000000
; EXPECT flags=PF,AF,OF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    mov [scratch], rax
    cmp qword [scratch], 1
%include "epilogue.inc"
