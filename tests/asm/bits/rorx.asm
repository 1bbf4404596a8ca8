; rorx dst, src/m, imm8: rotate without touching flags (ZF from popcnt survives).
; EXPECT rax=0x0123456789abcdef rbx=0xf0123456789abcde rcx=0x81234567 rdx=0x12345678 flags=ZF
%include "prologue.inc"
    popcnt r15, r15
    mov rax, 0x0123456789abcdef
    rorx rbx, rax, 4
    mov edx, 0x12345678
    mov [rel scratch], edx
    rorx ecx, [rel scratch], 36        ; 36 & 31 = 4
%include "epilogue.inc"
