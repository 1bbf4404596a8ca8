; cmpxchg 32-bit, mem destination, accumulator and destination different: accumulator <- destination, ZF=0;
; flags as for cmp accumulator, destination.
; EXPECT mem[0]=0x3c3c3c3c80000041 rbx=0x3c3c3c3c80000041
; EXPECT rax=0x80000041 rcx=0x5a5a5a5a12345678
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000001
    mov rcx, 0x5a5a5a5a12345678
    mov rbx, 0x3c3c3c3c80000041
    mov [scratch], rbx
    lock cmpxchg dword [scratch], ecx
%include "epilogue.inc"
