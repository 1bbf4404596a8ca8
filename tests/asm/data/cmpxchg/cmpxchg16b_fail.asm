; cmpxchg16b failure (only the high half differs): rdx:rax <- the 16 bytes, memory
; unchanged, ZF=0, other flags unchanged. Second, non-locked, at offset 32 succeeds.
; EXPECT mem[0]=0x1111111111111111 mem[8]=0x5555555555555555
; EXPECT mem[32]=0x3333333333333333 mem[40]=0x4444444444444444
; EXPECT rax=0x1111111111111111 rdx=0x5555555555555555 rbx=0x3333333333333333 rcx=0x4444444444444444
; EXPECT r8=0x1111111111111111 r9=0x5555555555555555
; EXPECT flags=PF,AF,SF
%include "prologue.inc"
    mov rax, 0x1111111111111111
    mov rdx, 0x5555555555555555
    mov [scratch], rax
    mov [scratch + 8], rdx
    mov [scratch + 32], rax
    mov [scratch + 40], rdx
    mov rdx, 0x2222222222222222
    mov rbx, 0x3333333333333333
    mov rcx, 0x4444444444444444
    push 0xd4
    popfq
    lock cmpxchg16b [scratch]
    mov r8, rax
    mov r9, rdx
    push 0xd4
    popfq
    cmpxchg16b [scratch + 32]       ; now equal
    push 0x94
    popfq
%include "epilogue.inc"
