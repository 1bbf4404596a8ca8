; Superblocks: conditional branches inside one translated block are side exits (both
; directions run often, so the fall-through is part of the superblock). Flags must
; survive into a side exit's target when it reads them (adc after jb), may be dropped
; when it redefines them (test after je), and must stay right on the fall-through path
; past several side exits. Looped 400 times so every tier builds the superblocks.
; EXPECT rax=0x0 rbx=0xc8 rcx=0x0 rdx=0x320 rsi=0x190 rdi=0x0 r8=0x0 r9=0xc8 r10=0xc8 r11=0x1 r12=0x0 r13=0xc8
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rcx, 400
again:
    mov r12, rcx
    and r12, 1                  ; 1 on odd iterations
    cmp r12, 1                  ; even: CF=1 ZF=0; odd: CF=0 ZF=1
    mov r11, 1                  ; (data move before the side exit)
    jb reads_cf                 ; even: to a target that reads CF
    add r13, 1                  ; odd (fall-through)
    jmp join
reads_cf:
    adc r9, 0                   ; r9 += 1 (CF from the cmp, across the side exit)
join:
    mov r8, rcx
    and r8, 1
    cmp r8, 0                   ; even: ZF=1
    je kills                    ; even: to a target that redefines the flags first
    add r10, 1                  ; odd (fall-through)
    jmp join2
kills:
    test rcx, rcx               ; ZF=0 (rcx > 0)
    jz bad
    add rbx, 1
join2:
    cmp rcx, 1000               ; CF=1
    jae bad                     ; not taken
    adc rdx, 1                  ; rdx += 2 (CF=1 on the fall-through, past a side exit)
    cmp rcx, 0
    jl bad                      ; not taken
    inc rsi
    dec rcx
    jnz again
    jmp done
bad:
    mov rdi, -1
done:
    mov r8, 0
    mov r12, 0
    xor rax, rax                ; (flags: ZF PF)
%include "epilogue.inc"
