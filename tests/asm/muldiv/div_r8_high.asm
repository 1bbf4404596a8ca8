; div by a high-8 register (dh). (div ah itself always overflows: ax / ah >= 256.)
; Flags are undefined after div; popcnt r15, r15 (r15 = 0) makes them ZF only.
; EXPECT rax=0x0119 rdx=0x0700 flags=ZF
%include "prologue.inc"
    mov eax, 0x00b0                ; 176
    mov edx, 0x0700                ; dh = 7
    div dh                         ; 25 rem 1
    popcnt r15, r15
%include "epilogue.inc"
