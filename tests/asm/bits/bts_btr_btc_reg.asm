; bts/btr/btc on registers: CF = old bit; r32 zero-extends, r16 merges.
; EXPECT rax=0x8000000000000001 rbx=0x00000000fffffffe rdx=0x1111111111118101 rcx=4 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov eax, 1
    bts rax, 63            ; CF = 0
    mov rbx, -1
    btr ebx, 0             ; CF = 1
    mov rdx, 0x1111111111111111
    mov ecx, 4
    btc dx, 15             ; CF = 0
    btc dx, 28             ; 28 mod 16 = 12: 1 -> 0, CF = 1
    btc dx, cx             ; bit 4: 1 -> 0, CF = 1
%include "epilogue.inc"
