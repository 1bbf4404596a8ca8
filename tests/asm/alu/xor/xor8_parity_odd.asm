; xor 8-bit, case parity_odd: a=0x7 b=0xd, flags before=0x0, form h8
; xor ah, ch
; EXPECT rax=0xa5a5a5a5a5a50aa5 rcx=0x5a5a5a5a5a5a0d5a
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a507a5
    mov rcx, 0x5a5a5a5a5a5a0d5a
    xor ah, ch
%include "epilogue.inc"
