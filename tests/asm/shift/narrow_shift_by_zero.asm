; A byte/word shift by 0 written back into a register that is not cached in a host
; register yet: nothing to emit, and the register cache must stay as it was (the native
; tier once marked a register dirty through an index of -1 here and lost r12's shift).
; The sequence is the one the differential fuzzer found (seed 304468).
; EXPECT rax=0x807a rcx=0xffffffffffffff92 r12=0x292c000 r13=0xffffffffffffffc3 r14=0xea1683d33afb545c mem[8]=0x4
; EXPECT flags=CF,AF
%include "prologue.inc"
    mov rax, 0x807a
    mov rcx, 0xffffffffffffffc3
    mov r8, 0x905d5ecb0c67cea1
    mov r12, 0x5258
    mov r13, 0xffffffffffffff92
    mov r14, 0xea1683d33afb545c
    mov byte [rel scratch + 8], 0xfc
    cmp rax, rax                ; ZF=1: cmovnle does not move (eax stays)
    xchg r13w, cx
    cmovnle eax, r8d
    shl r12, 0x0b
    shr r14w, 0
    lock neg byte [rel scratch + 8]
    mov r8, 0
%include "epilogue.inc"
