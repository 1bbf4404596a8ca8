; Counts are masked to 6 bits (64-bit) or 5 bits (others) before use; an 8-bit shift
; by 9..31 shifts everything out.
; EXPECT rax=6 rbx=6 rdx=0 rsi=0x1000000 flags=ZF,PF
; EXPECT-FLAGS-MASK PF,ZF,SF
%include "prologue.inc"
    mov eax, 3
    shl rax, 65
    mov ebx, 3
    shl ebx, 33
    mov esi, 1
    mov ecx, 0xf8         ; & 31 = 24
    shl esi, cl
    mov edx, 0xff
    shl dl, 9
%include "epilogue.inc"
