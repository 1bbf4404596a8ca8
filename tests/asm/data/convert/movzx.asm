; movzx from 8 and 16 bits into 16/32/64-bit destinations, register and memory sources,
; including a high-byte source. A 16-bit destination keeps bits 16..63.
; EXPECT rax=0xf0 rbx=0xfedcba98765480f0 rcx=0x80f0 rdx=0xf0 rsi=0xfedc rdi=0x80 r8=0xffffffffffff00f0 rbp=0xba
%include "prologue.inc"
    mov rbx, 0xfedcba98765480f0
    mov rax, -1
    movzx eax, bl
    mov rcx, -1
    movzx ecx, bx
    mov rdx, -1
    movzx rdx, bl
    mov [scratch], rbx
    mov rsi, -1
    movzx rsi, word [scratch + 6]
    mov rdi, -1
    movzx edi, byte [scratch + 1]
    mov r8, -1
    movzx r8w, bl
    mov rbp, -1
    mov rax, 0x1234ba00
    movzx ebp, ah               ; high-byte source
    mov rax, 0xf0
%include "epilogue.inc"
