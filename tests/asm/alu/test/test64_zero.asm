; test 64-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form mi
; test qword [scratch], 15
; EXPECT rax=0xf0
; EXPECT mem[0]=0xf0
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xf0
    mov [scratch], rax
    test qword [scratch], 15
%include "epilogue.inc"
