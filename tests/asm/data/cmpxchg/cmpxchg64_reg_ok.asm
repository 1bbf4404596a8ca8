; cmpxchg 64-bit, reg destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x123456789abcdef0
; EXPECT rax=0x8000000000000001 rcx=0x123456789abcdef0
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0x8000000000000001
    mov rcx, 0x123456789abcdef0
    mov rbx, 0x8000000000000001
    cmpxchg rbx, rcx
%include "epilogue.inc"
