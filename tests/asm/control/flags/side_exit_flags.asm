; Flags read only on the taken side of a side exit: a superblock's conditional branch
; whose target reads the flags the compare set (adc, setbe, setnz, setp), while the
; fall-through path redefines them first. The translation may store those lazy flags on
; the taken path alone; they must still be there when the target reads them. Looped 200
; times so every tier translates (and chains) the blocks.
; EXPECT rax=0x32 rbx=0x96 rdx=0x0 rsi=0x32 rdi=0x96 r8=0x32
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rcx, 200
    mov r15d, 1
again:
    mov r9, rcx
    and r9, 3                   ; 0..3
    cmp r9d, r15d               ; 32-bit, register operands: CF=1 and ZF=0 when r9 = 0
    jb .below                   ; side exit; its target reads CF
    add rbx, 1                  ; fall-through: the flags are redefined before any reader
    test r9d, 3                 ; logic flags of r9 & 3
    jnz .nonzero                ; side exit; its target reads ZF and PF
    add rdx, 1                  ; (never: r9 is 1..3 here)
    jmp .next
.below:
    setbe r12b                  ; CF|ZF = 1
    adc rax, 0                  ; CF=1: rax += 1
    movzx r12, r12b
    add rsi, r12
    jmp .next
.nonzero:
    setnz r13b                  ; ZF=0: 1
    setp r14b                   ; PF of r9 & 3: set only for 3 (two bits)
    movzx r13, r13b
    movzx r14, r14b
    add rdi, r13
    add r8, r14
.next:
    dec rcx
    jnz again
    mov r9, 0
    mov r12, 0
    mov r13, 0
    mov r14, 0
    mov r15, 0
    xor rcx, rcx                ; (flags: ZF PF)
%include "epilogue.inc"
