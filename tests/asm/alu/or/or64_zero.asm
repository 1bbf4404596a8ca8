; or 64-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form mr
; or qword [scratch], rdx
; EXPECT rax=0xf0
; EXPECT rdx=0xf
; EXPECT mem[0]=0xff
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xf0
    mov [scratch], rax
    mov rdx, 0xf
    or qword [scratch], rdx
%include "epilogue.inc"
