; test 8-bit, case all_ones: a=0xff b=0xff, flags before=0x0, form mi
; test byte [scratch], 0xff
; EXPECT rax=0xa5a5a5a5a5a5a5ff
; EXPECT mem[0]=0xa5a5a5a5a5a5a5ff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a5ff
    mov [scratch], rax
    test byte [scratch], 0xff
%include "epilogue.inc"
