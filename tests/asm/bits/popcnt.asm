; popcnt: bit count at 16/32/64 bits; all flags cleared but ZF = (source == 0).
; EXPECT rax=64 rbx=0x1111111111110003 rcx=16 rdx=0 flags=
%include "prologue.inc"
    mov rax, -1
    popcnt rax, rax
    mov rbx, 0x1111111111111111
    mov word [rel scratch], 0x0181
    popcnt bx, [rel scratch]
    mov rsi, 0xffff0000ffff0000
    popcnt ecx, esi
    mov esi, 0
%include "epilogue.inc"
