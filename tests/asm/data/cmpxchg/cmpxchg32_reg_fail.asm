; cmpxchg 32-bit, reg destination, accumulator and destination different: accumulator <- destination, ZF=0;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x80000041
; EXPECT rax=0x80000041 rcx=0x5a5a5a5a12345678
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000001
    mov rcx, 0x5a5a5a5a12345678
    mov rbx, 0x80000041
    cmpxchg ebx, ecx
%include "epilogue.inc"
