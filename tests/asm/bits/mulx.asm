; mulx hi, lo, src/m: rdx * src unsigned, no flags (ZF from popcnt survives).
; With hi == lo the high half is what remains.
; EXPECT rax=0xfffffffffffffffe rbx=1 rcx=0xffffffffffffffff rdx=0xffffffffffffffff rsi=0x1 rdi=0xfffffffe flags=ZF
%include "prologue.inc"
    popcnt r15, r15
    mov rdx, -1
    mov rcx, -1
    mulx rax, rbx, rcx                 ; (2^64-1)^2 = 0xfffffffffffffffe_0000000000000001
    mov dword [rel scratch], 0xffffffff
    mulx edi, esi, [rel scratch]       ; edx * 0xffffffff = 0xfffffffe_00000001
%include "epilogue.inc"
