; cmpxchg r32 with garbage in the destination's upper half.
; Success: the destination is written (zero-extended), eax is not (rax keeps its upper half).
; Failure: eax is written (rax zero-extended); the destination is not (measured on Intel).
; EXPECT rax=0xa5a5a5a580000001 rbx=0x12345678 rcx=0x5a5a5a5a12345678
; EXPECT rdx=0x80000041 rsi=0x3c3c3c3c80000041
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000001
    mov rcx, 0x5a5a5a5a12345678
    mov rbx, 0x3c3c3c3c80000001
    cmpxchg ebx, ecx                ; equal
    mov rdx, rax
    mov rsi, 0x3c3c3c3c80000041
    cmpxchg esi, ecx                ; different
    xchg rax, rdx
%include "epilogue.inc"
