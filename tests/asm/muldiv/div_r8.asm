; div r8: ax / src -> al = quotient, ah = remainder; the rest of rax is kept.
; Flags are undefined after div; popcnt r15, r15 (r15 = 0) makes them ZF only.
; EXPECT rax=0x111111111111068e rbx=7 flags=ZF
%include "prologue.inc"
    mov rax, 0x11111111111103e8    ; ax = 1000
    mov ebx, 7
    div bl                         ; 142 rem 6
    popcnt r15, r15
%include "epilogue.inc"
