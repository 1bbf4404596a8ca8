; test 16-bit, case sign: a=0xffff b=0x8000, flags before=0x8d5, form mi
; test word [scratch], 0x8000
; EXPECT rax=0xa5a5a5a5a5a5ffff
; EXPECT mem[0]=0xa5a5a5a5a5a5ffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5ffff
    mov [scratch], rax
    push 0x8d5
    popfq
    test word [scratch], 0x8000
%include "epilogue.inc"
