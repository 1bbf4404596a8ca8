; div r64: rdx:rax / src, 128-bit dividend.
; EXPECT rax=0x8000000000000000 rdx=1 rbx=2 flags=ZF
%include "prologue.inc"
    mov eax, 1
    mov edx, 1                     ; rdx:rax = 2^64 + 1
    mov ebx, 2
    div rbx
    popcnt r15, r15
%include "epilogue.inc"
