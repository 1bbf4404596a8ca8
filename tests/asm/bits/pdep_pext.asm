; pdep/pext (no flags change: ZF from the popcnt before them must survive).
; EXPECT rax=0x0000000000f000f0 rbx=0xab rcx=0x0000000000ff00ff rdx=0xa000000b rsi=0x0ab r15=0 flags=ZF
%include "prologue.inc"
    popcnt r15, r15                    ; ZF = 1, other flags clear
    mov ebx, 0xab
    mov ecx, 0xff00ff
    mov r8, 0x0000000000f000f0
    mov [rel scratch], r8
    mov r9d, 0xff
    pdep rax, r9, [rel scratch]        ; 8 ones deposited at the mask's 8 bit positions
    mov r10d, 0xf000000f
    pdep edx, ebx, r10d                ; 0xab -> low nibble 0xb at bits 0-3, 0xa at 28-31
    mov r11, 0x00000000a000000b
    mov r12, 0x00000000f000000f
    pext rsi, r11, r12                 ; 0xab
    mov r8d, 0
    mov r9d, 0
    mov r10d, 0
    mov r11d, 0
    mov r12d, 0
%include "epilogue.inc"
