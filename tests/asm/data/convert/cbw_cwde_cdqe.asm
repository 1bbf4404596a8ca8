; cbw (al -> ax, keeps bits 16..63), cwde (ax -> eax, zero-extends to 64), cdqe (eax -> rax),
; each with a negative and a non-negative source. Flags untouched.
; EXPECT rax=0x7fffffff rbx=0xffffffffffffff80 rcx=0x1111111111110070 rdx=0xffff8000
; EXPECT rsi=0x1234 rdi=0xffffffff80000000 r8=0x7fffffff r10=0x111111111111ff80
; EXPECT flags=CF,OF
%include "prologue.inc"
    push 0x801
    popfq
    mov rax, 0x1111111111111180
    cbw
    mov r10, rax
    mov rax, 0x1111111111110070
    cbw
    mov rcx, rax
    mov rax, 0x1111111111118000
    cwde
    mov rdx, rax
    mov rax, 0xffffffffffff1234
    cwde
    mov rsi, rax
    mov rax, 0x1111111180000000
    cdqe
    mov rdi, rax
    mov rax, 0xffffffff7fffffff
    cdqe
    mov r8, rax
    mov rax, 0x1111111111111180
    cbw
    cwde
    cdqe
    mov rbx, rax
    mov rax, r8
%include "epilogue.inc"
