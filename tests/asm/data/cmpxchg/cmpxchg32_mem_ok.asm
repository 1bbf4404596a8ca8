; cmpxchg 32-bit, mem destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT mem[0]=0x3c3c3c3c12345678 rbx=0x3c3c3c3c80000001
; EXPECT rax=0xa5a5a5a580000001 rcx=0x5a5a5a5a12345678
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0xa5a5a5a580000001
    mov rcx, 0x5a5a5a5a12345678
    mov rbx, 0x3c3c3c3c80000001
    mov [scratch], rbx
    lock cmpxchg dword [scratch], ecx
%include "epilogue.inc"
