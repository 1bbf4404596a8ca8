; cmpxchg8b, edx:eax equal to m64: m64 <- ecx:ebx, ZF=1, rax and rdx untouched (upper
; halves too); every other flag kept (CF and PF set before it stay set). The operand
; is not 8-byte aligned (cmpxchg8b, unlike cmpxchg16b, does not check).
; EXPECT mem[0]=0x2121000000000000 mem[8]=0x0000000000876543
; EXPECT rax=0xaaaaaaaa11223344 rdx=0xdddddddd55667788 rcx=0xcccccccc87654321 rbx=0xbbbbbbbb21000000
; EXPECT flags=CF,PF,ZF
%include "prologue.inc"
    mov rax, 0xaaaaaaaa11223344
    mov rdx, 0xdddddddd55667788
    mov rcx, 0xcccccccc87654321
    mov rbx, 0xbbbbbbbb21000000
    mov r8, 0x5566778811223344
    mov [scratch + 3], r8
    mov r9d, 0x7fffffff
    test r9d, r9d               ; ZF=0 SF=0 CF=0, PF=1 (low byte 0xff)
    stc                         ; CF=1
    lock cmpxchg8b [scratch + 3]
%include "epilogue.inc"
