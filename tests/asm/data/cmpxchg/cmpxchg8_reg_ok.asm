; cmpxchg 8-bit, reg destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x3c3c3c3c3c3c3c5a
; EXPECT rax=0xa5a5a5a5a5a5a581 rcx=0x5a5a5a5a5a5a5a5a
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a581
    mov rcx, 0x5a5a5a5a5a5a5a5a
    mov rbx, 0x3c3c3c3c3c3c3c81
    cmpxchg bl, cl
%include "epilogue.inc"
