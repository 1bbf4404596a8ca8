; shld dst, src, imm8/cl: 32-bit (zero-extends), 64-bit, 16-bit, memory destination.
; EXPECT rax=0x3456789a rbx=0xffffffff9abcdef0 rdx=0x23456789abcdef00 rsi=0x11111111111123ef
; EXPECT rcx=8 mem[0]=0x000000000000abde
; EXPECT flags=CF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rax, 0xffffffff12345678
    mov rbx, 0xffffffff9abcdef0
    shld eax, ebx, 8
    mov rdx, 0x123456789abcdef0
    mov rdi, 0x0123456789abcdef
    mov ecx, 4
    shld rdx, rdi, cl
    mov rsi, 0x1111111111110123
    shld si, dx, 8
    mov word [rel scratch], 0x12ab
    mov ecx, 8
    shld word [rel scratch], bx, cl       ; (0x12ab << 8) | (0xdef0 >> 8)
    mov edi, 0x80000000
    mov ebp, 0x80000000
    shld edi, ebp, 1                      ; 0x00000001, CF = 1
    mov edi, 0x40000000
    shld edi, ebp, 1                      ; 0x80000001, CF = 0, SF = 1
    shld edi, ebp, 0                      ; count 0: nothing changes
    mov edi, 0xffffffff
    shld edi, ebp, 2                      ; 0xfffffffe, CF = 1
    mov edi, 0
    mov ebp, 0
%include "epilogue.inc"
