; bsf/bsr r, r/m at 16/32/64 bits, register and memory sources.
; EXPECT rax=4 rbx=0x1111111111110003 rcx=63 rdx=0 rsi=0x1f r8=0x8000000000000010 flags=
; EXPECT-FLAGS-MASK ZF
%include "prologue.inc"
    mov r8, 0x8000000000000010
    bsf rax, r8
    mov rbx, 0x1111111111111111
    mov word [rel scratch], 0x0008
    bsf bx, [rel scratch]
    bsr rcx, r8
    mov dword [rel scratch + 8], 0x80000001
    bsr esi, [rel scratch + 8]
    mov word [rel scratch + 16], 0x0001
    bsr dx, [rel scratch + 16]
%include "epilogue.inc"
