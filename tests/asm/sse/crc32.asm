; crc32 (SSE4.2, CRC-32C) r32 <- r/m8/16/32, r64 <- r/m64, chained; the 32-bit forms
; zero the destination's upper half.
; EXPECT rax=0x5ba0ca7b rcx=0xffffffff rdx=0x4767748a rbx=0x123456789abcdef0
; EXPECT rsi=0x53dddcdf flags=
%include "prologue.inc"
    mov rax, -1
    mov ecx, 0xffffffff
    crc32 eax, cl
    mov rbx, 0x123456789abcdef0
    crc32 eax, bx
    crc32 eax, ebx
    crc32 rax, rbx
    crc32 eax, byte [rel msg]
    crc32 eax, word [rel msg + 1]
    crc32 eax, dword [rel msg + 3]
    crc32 rax, qword [rel msg + 7]
    mov rdx, 0xffffffff00000000
    crc32 edx, byte [rel msg + 15]
    mov rsi, -1
    crc32 rsi, qword [rel msg]
%include "epilogue.inc"
section .data
msg: db "0123456789abcdefghij"
