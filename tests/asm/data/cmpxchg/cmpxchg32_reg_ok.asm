; cmpxchg 32-bit, reg destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x12345678
; EXPECT rax=0xa5a5a5a580000001 rcx=0x5a5a5a5a12345678
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000001
    mov rcx, 0x5a5a5a5a12345678
    mov rbx, 0x80000001
    cmpxchg ebx, ecx
%include "epilogue.inc"
