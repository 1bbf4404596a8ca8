; bzhi dst, src/m, index: clear bits >= index[7:0]; CF = index[7:0] > width - 1.
; EXPECT rax=0x5678 rbx=0x12345678 rcx=0x0110 rdx=0xffffffffffffffff rsi=0x7fffffffffffffff flags=CF,SF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov ebx, 0x12345678
    mov ecx, 0x0110                    ; index[7:0] = 16 (bits above 7 ignored)
    bzhi eax, ebx, ecx
    mov rsi, -1
    mov [rel scratch], rsi
    mov edi, 63
    bzhi rsi, [rel scratch], rdi       ; 0x7fff...
    mov rdx, -1
    mov edi, 64
    bzhi rdx, rdx, rdi                 ; index 64 > 63: unchanged, CF = 1
    mov edi, 0
%include "epilogue.inc"
