; cmpxchg 8-bit, mem destination, accumulator and destination different: accumulator <- destination, ZF=0;
; flags as for cmp accumulator, destination.
; EXPECT mem[0]=0x3c3c3c3c3c3c3cc1 rbx=0x3c3c3c3c3c3c3cc1
; EXPECT rax=0xa5a5a5a5a5a5a5c1 rcx=0x5a5a5a5a5a5a5a5a
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a581
    mov rcx, 0x5a5a5a5a5a5a5a5a
    mov rbx, 0x3c3c3c3c3c3c3cc1
    mov [scratch], rbx
    cmpxchg byte [scratch], cl
%include "epilogue.inc"
