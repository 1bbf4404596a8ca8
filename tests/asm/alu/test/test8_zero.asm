; test 8-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form mr
; test byte [scratch], dl
; EXPECT rax=0xa5a5a5a5a5a5a5f0
; EXPECT rdx=0x5a5a5a5a5a5a5a0f
; EXPECT mem[0]=0xa5a5a5a5a5a5a5f0
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5f0
    mov [scratch], rax
    mov rdx, 0x5a5a5a5a5a5a5a0f
    test byte [scratch], dl
%include "epilogue.inc"
