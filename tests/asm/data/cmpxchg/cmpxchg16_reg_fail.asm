; cmpxchg 16-bit, reg destination, accumulator and destination different: accumulator <- destination, ZF=0;
; flags as for cmp accumulator, destination.
; EXPECT rbx=0x3c3c3c3c3c3c8041
; EXPECT rax=0xa5a5a5a5a5a58041 rcx=0x5a5a5a5a5a5a1234
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58001
    mov rcx, 0x5a5a5a5a5a5a1234
    mov rbx, 0x3c3c3c3c3c3c8041
    cmpxchg bx, cx
%include "epilogue.inc"
