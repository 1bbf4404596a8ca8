; bswap of 64-bit and 32-bit registers (the 32-bit form zero-extends), including r8..r15.
; EXPECT rax=0x8877665544332211 rbx=0x44332211 rcx=0x0123456789abcdef r9=0xefcdab8967452301
; EXPECT r12=0xefbeadde
; EXPECT flags=SF
%include "prologue.inc"
    push 0x80
    popfq
    mov rax, 0x1122334455667788
    bswap rax
    mov rbx, 0xffffffff11223344
    bswap ebx
    mov rcx, 0xefcdab8967452301
    bswap rcx
    mov r9, 0x0123456789abcdef
    bswap r9
    mov r12, 0x12345678deadbeef
    bswap r12d
%include "epilogue.inc"
