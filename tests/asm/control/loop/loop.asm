; loop (dec rcx, jump while rcx != 0), loope (also while ZF=1), loopne (while ZF=0).
; None of them touch flags. rcx=0 at entry to `loop` means 2^64 iterations: not tested.
; EXPECT rax=0xa rbx=0x3 rdx=0x4 rcx=0x0 rsi=0x6 rdi=0x4
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rcx, 10
count:
    add rax, 1
    loop count                      ; rax = 10, rcx = 0
    ; loope: stop when ZF becomes 0 (at the third compare)
    mov rcx, 10
    mov rbx, 0
while_equal:
    add rbx, 1
    cmp rbx, 3
    setb r8b
    cmp r8b, 1                      ; ZF = (rbx < 3)
    loope while_equal               ; exits with rbx = 3, rcx = 7
    mov r9, rcx
    ; loopne: stop when ZF becomes 1 (rdx reaches 4)
    mov rcx, 100
    mov rdx, 0
until_equal:
    add rdx, 1
    cmp rdx, 4
    loopne until_equal              ; exits with rdx = 4, rcx = 96
    mov r10, rcx
    ; loopne ending because rcx hits 0 before ZF is set
    mov rcx, 6
    mov rsi, 0
count_ne:
    add rsi, 1
    cmp rsi, 100
    loopne count_ne                 ; rsi = 6, rcx = 0
    ; loop leaves flags alone: set ZF, loop 4 times with mov only
    mov rcx, 4
    mov rdi, 0
    cmp rdi, 0
loop_flags:
    lea rdi, [rdi + 1]
    loop loop_flags
    mov [scratch], r9
    mov [scratch + 8], r10
    mov r8, 0
    mov r9, 0
    mov r10, 0
; EXPECT mem[0]=0x7 mem[8]=0x60
%include "epilogue.inc"
