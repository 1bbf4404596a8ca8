; Flags produced, then data moves (register and memory moves, loads, stores, movzx,
; movsx, a high-byte write and read, lea), then several readers in the same block: setcc,
; cmovcc, adc/sbb, jcc. The translator leaves such flags in the host flags and skips
; their lazy-flag stores; every reader must still see them. Also: inc's preserved CF read
; past moves, and a reader after a flag-clobbering op that is not a data move. Looped 200
; times so every tier translates the loop.
; EXPECT rax=0x0 rbx=0x190 rcx=0x0 rdx=0x0 rsi=0xc8 rdi=0x258 r8=0xc8 r9=0x0 r10=0x0 r11=0x0 r12=0x0 r13=0x0 r14=0x0 r15=0x0 mem[0]=0xc8 mem[8]=0x7 mem[16]=0xffffffffffffff80 mem[24]=0x2
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rcx, 200
    lea rbp, [rel scratch]
again:
    mov r9, 5
    mov r10, 7
    cmp r9, r10                 ; CF=1 SF=1 (5 < 7)
    mov r11, r9                 ; data moves only from here ...
    mov [rbp + 8], r10
    mov r12, [rbp + 8]
    movzx r13d, byte [rbp + 8]
    mov byte [rbp + 16], 0x80
    movsx r14, byte [rbp + 16]
    mov [rbp + 16], r14
    mov ah, 3
    mov dl, ah
    lea r15, [r11 + r12 * 2]    ; ... to here
    setb al                     ; al = 1
    movzx eax, al
    add rsi, rax                ; rsi += 1 (flags change here)
    cmp r9, r10                 ; again CF=1
    mov r11, 0
    mov r12, 2
    cmovb r11, r12              ; r11 = 2
    mov r13, [rbp]
    adc r13, 0                  ; mem[0] += CF (1)
    mov [rbp], r13
    add rbx, r11                ; rbx += 2
    mov r8, rcx
    inc r8                      ; inc keeps CF (clear after the add above)
    mov r14, r8
    mov [rbp + 24], r14
    jc bad                      ; CF clear
    mov r9, 1
    sub r9, 2                   ; CF=1 SF=1
    mov r10, r9
    mov r12, [rbp + 24]
    js .neg
    jmp bad
.neg:
    mov r13, 0
    sbb r13, 0                  ; CF of the sub two blocks back: r13 = -1
    sub rdi, r13                ; rdi += 1
    add rdi, 2                  ; rdi += 2
    dec rcx
    jnz again
    jmp done
bad:
    mov rax, -1
    jmp out
done:
    mov rax, 0
    mov rdx, 0
    mov r8, rsi
out:
    mov r9, 0
    mov r10, 0
    mov r11, 0
    mov r12, 0
    mov r13, 0
    mov r14, 0
    mov r15, 0
    mov rbp, 0
    xor rcx, rcx                ; (flags: ZF PF)
%include "epilogue.inc"
