; Flags set in one block and read in another: across a direct jmp, into a callee, back
; out of a callee through ret, through an indirect jmp, and through a block that only
; moves data. Looped 200 times so every tier translates the blocks (cross-block flag
; liveness must keep these flags; the killing successor at `kills` lets its
; predecessor drop them).
; EXPECT rax=0xc8 rbx=0x190 rcx=0x0 rdx=0x258 rsi=0x320 rdi=0xc8 r8=0xc8
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rcx, 200
again:
    mov r9, 5
    cmp r9, 7                   ; CF=1 (5 < 7)
    jmp across_jmp
across_jmp:
    adc rax, 0                  ; reads CF from the previous block: rax += 1
    stc
    call reads_cf               ; callee reads CF: rbx += 2
    call sets_zf                ; returns with ZF=1
    jz .zf_ok
    jmp done_bad
.zf_ok:
    add rdx, 3                  ; rdx += 3
    lea r10, [rel ind_target]
    mov r11, 1
    sub r11, 2                  ; SF=1, CF=1
    jmp r10
ind_target:
    mov r12, r11                ; data only: the flags pass through
    jmp through
through:
    js .neg                     ; reads SF from two blocks back
    jmp done_bad
.neg:
    add rsi, 4
    cmp rcx, 0                  ; flags that `kills` redefines before reading
    jmp kills
kills:
    test rcx, rcx               ; redefines every status flag
    jz done_bad
    inc rdi
    inc r8
    dec rcx
    jnz again
    jmp done
reads_cf:
    mov r13, 0
    adc r13, 1                  ; CF=1 from the caller's stc: r13 = 2
    add rbx, r13
    ret
sets_zf:
    xor r14, r14                ; ZF=1
    ret
done_bad:
    mov rax, -1
done:
    mov r9, 0
    mov r10, 0
    mov r11, 0
    mov r12, 0
    mov r13, 0
    mov r14, 0
    xor rcx, rcx                ; (flags: ZF PF)
%include "epilogue.inc"
