; bt r, r: offset modulo the width (a register base).
; EXPECT rax=0x10 rcx=0x44 flags=
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov eax, 0x10
    mov ecx, 0x44          ; 68 mod 64 = 4 (set), then mod 32 = 4, mod 16 = 4
    bt rax, rcx
    bt eax, ecx
    bt ax, cx
    mov ecx, 0x45
    bt rax, rcx            ; bit 5: clear
    mov ecx, 0x44
%include "epilogue.inc"
