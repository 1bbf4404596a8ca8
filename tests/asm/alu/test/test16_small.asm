; test 16-bit, case small: a=0xc b=0xa, flags before=0x8d5, form mr
; test word [scratch], r10w
; EXPECT rax=0xa5a5a5a5a5a5000c
; EXPECT r10=0x5a5a5a5a5a5a000a
; EXPECT mem[0]=0xa5a5a5a5a5a5000c
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5000c
    mov [scratch], rax
    mov r10, 0x5a5a5a5a5a5a000a
    push 0x8d5
    popfq
    test word [scratch], r10w
%include "epilogue.inc"
