; cmpxchg 16-bit, reg destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x3c3c3c3c3c3c1234
; EXPECT rax=0xa5a5a5a5a5a58001 rcx=0x5a5a5a5a5a5a1234
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58001
    mov rcx, 0x5a5a5a5a5a5a1234
    mov rbx, 0x3c3c3c3c3c3c8001
    cmpxchg bx, cx
%include "epilogue.inc"
