; cmpxchg 64-bit, reg destination, accumulator and destination different: accumulator <- destination, ZF=0;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x8000000000000041
; EXPECT rax=0x8000000000000041 rcx=0x123456789abcdef0
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0x8000000000000001
    mov rcx, 0x123456789abcdef0
    mov rbx, 0x8000000000000041
    cmpxchg rbx, rcx
%include "epilogue.inc"
