; shl r8 (al, r9b), imm8.
; EXPECT rax=0x1240 r9=0x7700 flags=ZF,PF,CF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rax, 0x1234
    shl al, 4
    mov r9, 0x7781
    shl r9b, 7            ; 0x81 << 7: result 0, last bit out = bit 1 of 0x81 = 0
    shl r9b, 1            ; 0 << 1 = 0, CF = 0
    mov r10, 0x80
    shl r10b, 1           ; 0x80 << 1 = 0, CF = 1
    mov r10d, 0           ; keep r10 out of the comparison of the shifted value
%include "epilogue.inc"
