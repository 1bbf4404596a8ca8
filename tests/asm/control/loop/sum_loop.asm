; A counted loop summing 1..1000 and the squares of 1..100 (backward jne/jnz, cmp, add, sub).
; EXPECT rax=0x7a314 rbx=0x3e9 rdx=0x529ae rcx=0x0
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rbx, 1
sum_next:
    add rax, rbx
    add rbx, 1
    cmp rbx, 1001
    jne sum_next                    ; rax = 500500 = 0x7a314
    mov rcx, 100
squares:
    mov rsi, rcx
    mov rdi, rcx                    ; rdx += rcx*rcx by repeated addition
square_add:
    add rdx, rsi
    sub rdi, 1
    jnz square_add
    sub rcx, 1
    jnz squares                     ; rdx = 338350 = 0x529ae
    mov rsi, 0
%include "epilogue.inc"
