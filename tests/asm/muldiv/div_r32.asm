; div r32: edx:eax / src; quotient and remainder zero-extended.
; EXPECT rax=0x6db6db6e rdx=0x1 rsi=0x7 flags=ZF
%include "prologue.inc"
    mov rax, 0xffffffff00000003    ; eax = 3
    mov rdx, 0xffffffff00000003    ; edx = 3
    mov esi, 7
    div esi                        ; 0x3_00000003 / 7 = 0x6db6db6e rem 1
    popcnt r15, r15
%include "epilogue.inc"
