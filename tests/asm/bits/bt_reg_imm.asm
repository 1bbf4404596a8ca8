; bt r, imm8: CF = selected bit (imm taken modulo the width); every other flag kept.
; popcnt of 0 sets exactly ZF first.
; EXPECT rax=0x8000000000000010 rbx=0 flags=CF,ZF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov rax, 0x8000000000000010
    popcnt rbx, rbx
    bt rax, 63
    bt eax, 36             ; 36 mod 32 = 4
    bt ax, 20              ; 20 mod 16 = 4
%include "epilogue.inc"
