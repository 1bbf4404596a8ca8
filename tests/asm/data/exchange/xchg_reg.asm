; xchg between registers at every width: the 90+r short form with rax, the 87 form,
; 32-bit forms zero-extend both registers, 16/8-bit forms (incl. ah) keep the other bits.
; `xchg r12d, r12d` (45 87 E4) is not a nop: it zero-extends r12.
; EXPECT rax=0x2222222222222222 rbx=0x1111111111111111 rcx=0x44444444 rdx=0x33333333
; EXPECT rsi=0x5555555555556666 rdi=0x6666666666665555 r8=0x7777777777778877 r9=0x8888888888888888
; EXPECT r10=0xbbbbbbbbbbbbbbbb r11=0xaaaaaaaaaaaaaaaa r12=0xcccccccc
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    push 0x8d5
    popfq
    mov rax, 0x1111111111111111
    mov rbx, 0x2222222222222222
    xchg rax, rbx                   ; 48 93
    mov rcx, 0x3333333333333333
    mov rdx, 0x4444444444444444
    xchg ecx, edx
    mov rsi, 0x5555555555555555
    mov rdi, 0x6666666666666666
    xchg si, di
    mov r8, 0x7777777777777777
    mov r9, 0x8888888888888888
    xchg r8b, r9b
    xchg r8b, r9b
    mov r10, 0xaaaaaaaaaaaaaaaa
    mov r11, 0xbbbbbbbbbbbbbbbb
    xchg r11, r10
    mov r12, 0xffffffffcccccccc
    xchg r12d, r12d
    mov rax, 0x7777777777777788
    xchg ah, al
    mov r8, rax
    mov rax, 0x2222222222222222
%include "epilogue.inc"
