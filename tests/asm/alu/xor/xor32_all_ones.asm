; xor 32-bit, case all_ones: a=0xffffffff b=0xffffffff, flags before=0x0, form rr
; xor ebp, edi
; EXPECT rdi=0x5a5a5a5affffffff
; EXPECT rbp=0x0
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbp, 0xa5a5a5a5ffffffff
    mov rdi, 0x5a5a5a5affffffff
    xor ebp, edi
%include "epilogue.inc"
