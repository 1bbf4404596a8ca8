; Indirect jmp through a register, through memory (rip-relative and base+index*8 table).
; EXPECT rax=0x7 rbx=0x0 rcx=0x2 rdx=0xc
%include "prologue.inc"
    lea rsi, [rel target_reg]
    jmp rsi
    mov rbx, 1
target_reg:
    mov rax, 1
    lea rdi, [rel target_mem]
    mov [scratch + 8], rdi
    jmp [scratch + 8]
    mov rbx, 2
target_mem:
    add rax, 2
    jmp [rel jump_slot]
    mov rbx, 3
target_slot:
    add rax, 4
    mov rcx, 2
    lea rdx, [rel jump_table]
    jmp [rdx + rcx*8]
    mov rbx, 4
case0:
    mov rdx, 10
    jmp cases_done
case1:
    mov rdx, 11
    jmp cases_done
case2:
    mov rdx, 12
    jmp cases_done
cases_done:
    mov qword [scratch + 8], 0
    mov rsi, 0
    mov rdi, 0
section .data
jump_slot:  dq target_slot
jump_table: dq case0, case1, case2
section .text
%include "epilogue.inc"
