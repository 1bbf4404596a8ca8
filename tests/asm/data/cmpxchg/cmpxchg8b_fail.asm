; cmpxchg8b, edx:eax different from m64: edx:eax <- m64 as two 32-bit writes (the upper
; halves of rax and rdx zeroed), m64 unchanged, ZF=0; every other flag kept (SF and CF
; set before it stay set, PF stays clear).
; EXPECT mem[0]=0x5566778811223399
; EXPECT rax=0x11223399 rdx=0x55667788 rcx=0xcccccccc87654321 rbx=0xbbbbbbbb21000000
; EXPECT flags=CF,SF
%include "prologue.inc"
    mov rax, 0xaaaaaaaa11223344
    mov rdx, 0xdddddddd55667788
    mov rcx, 0xcccccccc87654321
    mov rbx, 0xbbbbbbbb21000000
    mov r8, 0x5566778811223399
    mov [scratch], r8
    mov r9d, -2
    test r9d, r9d               ; SF=1, ZF=0, CF=0, PF=0 (low byte 0xfe: seven bits)
    stc                         ; CF=1
    cmpxchg8b [scratch]
%include "epilogue.inc"
