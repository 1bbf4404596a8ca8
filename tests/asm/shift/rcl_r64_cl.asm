; rcl r64 by cl > 1 pulls the carry in at bit cl-1.
; EXPECT rax=0x7 rbx=1 rcx=2 flags=CF
; EXPECT-FLAGS-MASK CF
%include "prologue.inc"
    mov ebx, 1
    bt ebx, 0               ; CF = 1
    mov rax, 0xc000000000000001
    mov ecx, 2
    rcl rax, cl             ; (rax << 2) | (CF << 1) | bit 63 = 0x4 | 0x2 | 0x1, CF = bit 62
%include "epilogue.inc"
