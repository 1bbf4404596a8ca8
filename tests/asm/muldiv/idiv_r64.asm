; idiv r64: the most negative 64-bit quotient that still fits.
; EXPECT rax=0x8000000000000000 rdx=0 rbx=0xffffffffffffffff flags=ZF
%include "prologue.inc"
    mov rax, 0x8000000000000000
    mov rdx, 0xffffffffffffffff    ; rdx:rax = -2^63
    mov ebx, 1
    idiv rbx
    mov rbx, -1
    popcnt r15, r15
%include "epilogue.inc"
