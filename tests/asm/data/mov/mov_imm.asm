; mov with immediates: imm64 (B8+r), sign-extended imm32 to r/m64 (C7), imm32 to r32
; zero-extends, imm16/imm8 keep the upper bits. mov does not touch flags.
; EXPECT rax=0x1122334455667788 rcx=0xfffffffffffffffe rdx=0xffffffff
; EXPECT rbx=0xffffffffffff1234 rsi=0xffffffffffffff56 r8=0x8000000000000000
; EXPECT r9=0x7fffffff r10=0xffffffff80000000 r15=0x123456789
; EXPECT flags=CF,ZF
%include "prologue.inc"
    push 0x41
    popfq
    mov rax, 0x1122334455667788
    mov rcx, -2
    mov rdx, -1
    mov edx, 0xffffffff
    mov rbx, -1
    mov bx, 0x1234
    mov rsi, -1
    mov sil, 0x56
    mov r8, 0x8000000000000000
    mov r9, 0x7fffffff
    mov r10, -0x80000000
    mov r15, 0x123456789
%include "epilogue.inc"
