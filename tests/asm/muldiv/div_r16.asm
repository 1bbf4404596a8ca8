; div r16: dx:ax / src; upper bits of rax/rdx kept.
; EXPECT rax=0xaaaaaaaaaaaa8000 rdx=0xbbbbbbbbbbbb0001 rcx=2 flags=ZF
%include "prologue.inc"
    mov rax, 0xaaaaaaaaaaaa0001
    mov rdx, 0xbbbbbbbbbbbb0001
    mov ecx, 2
    div cx                         ; 0x10001 / 2 = 0x8000 rem 1
    popcnt r15, r15
%include "epilogue.inc"
