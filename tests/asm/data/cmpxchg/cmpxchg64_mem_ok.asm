; cmpxchg 64-bit, mem destination, accumulator and destination equal: destination <- source, ZF=1;
; flags as for cmp accumulator, destination.
; EXPECT mem[0]=0x123456789abcdef0 rbx=0x8000000000000001
; EXPECT rax=0x8000000000000001 rcx=0x123456789abcdef0
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rax, 0x8000000000000001
    mov rcx, 0x123456789abcdef0
    mov rbx, 0x8000000000000001
    mov [scratch], rbx
    cmpxchg qword [scratch], rcx
%include "epilogue.inc"
