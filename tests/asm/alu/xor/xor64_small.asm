; xor 64-bit, case small: a=0xc b=0xa, flags before=0x8d5, form ri
; xor r11, 10
; EXPECT r11=0x6
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r11, 0xc
    push 0x8d5
    popfq
    xor r11, 10
%include "epilogue.inc"
