; push/pop of registers (incl. r8..r15), sign-extended imm8/imm32, memory operands, and
; pop to memory; rsp moves by 8 each. Stack contents checked by popping into registers.
; EXPECT rax=0x1111111111111111 rbx=0x2222222222222222 rcx=0xffffffffffffff80 rdx=0x7fffffff
; EXPECT rsi=0xffffffff80000000 rdi=0x3333333333333333 r8=0x4444444444444444 r15=0x1111111111111111
; EXPECT r9=0x18 r10=0x0
; EXPECT mem[0]=0x3333333333333333 mem[8]=0x4444444444444444
%include "prologue.inc"
    mov rax, 0x1111111111111111
    mov rbx, 0x2222222222222222
    push rax
    push rbx
    pop rax
    pop rbx                         ; swapped
    xchg rax, rbx
    push rax
    pop r15
    push -128                       ; 6A 80
    pop rcx
    push 0x7fffffff                 ; 68 imm32
    pop rdx
    push -0x80000000
    pop rsi
    mov r11, 0x3333333333333333
    mov [scratch], r11
    push qword [scratch]            ; FF /6
    pop rdi
    mov r11, 0x4444444444444444
    push r11
    pop qword [scratch + 8]         ; 8F /0
    mov r8, [scratch + 8]
    mov r11, rsp
    push r12
    push r13
    push r14
    mov r9, r11
    sub r9, rsp                     ; 3 pushes = 24 bytes
    pop r14
    pop r13
    pop r12
    mov r10, r11
    sub r10, rsp
    mov r11, 0
%include "epilogue.inc"
