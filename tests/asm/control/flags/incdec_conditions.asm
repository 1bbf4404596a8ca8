; inc/dec keep CF and set the rest: a jcc right after them on CF (b/ae/be/a) must see the
; CF from before, the others the inc/dec result; also read from the next block (the
; lazy flags' inc/dec kinds) and through setcc. Looped so every tier translates it.
; EXPECT rax=0x64 rbx=0x64 rcx=0x0 rdx=0x64 rsi=0x64 rdi=0x64 r8=0xc8 r9=0x64
%include "prologue.inc"
    mov rcx, 100
.loop:
    stc
    mov r10d, 0x7fffffff
    inc r10d                    ; OF=1 SF=1 ZF=0, CF kept (1)
    jb .cf_kept                 ; same block, reads CF
    jmp .bad
.cf_kept:
    inc rax
    mov r11, -1
    clc
    inc r11                     ; ZF=1, CF kept (0)
    jbe .be_taken               ; CF=0 but ZF=1: taken
    jmp .bad
.be_taken:
    inc rbx
    mov r12d, 0x80000000
    dec r12d                    ; OF=1, SF=0: jl taken (SF != OF)
    jmp .next_block
.next_block:
    jl .l_taken                 ; another block reads dec's flags
    jmp .bad
.l_taken:
    inc rdx
    mov r13, 5
    dec r13
    setg r14b                   ; 4 > 0
    movzx r14, r14b
    add rsi, r14
    stc
    dec r13                     ; 3, CF kept (1)
    jmp .next2
.next2:
    ja .bad                     ; CF=1: not above
    inc rdi
    add r8, 2
    inc r9
    dec rcx
    jnz .loop
    jmp .done
.bad:
    mov rax, -1
.done:
    xor r10, r10
    xor r11, r11
    xor r12, r12
    xor r13, r13
    xor r14, r14
%include "epilogue.inc"
