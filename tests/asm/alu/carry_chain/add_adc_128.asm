; 128-bit additions and subtractions as add/adc and sub/sbb pairs, the carry-in of each
; adc/sbb straight from the host CF of the instruction before it. Inputs come from
; memory so that nothing folds to a constant at translation time.
; EXPECT rax=0x0 rdx=0x1 rbx=0xffffffffffffffff rcx=0xfffffffffffffffe rsi=0x3 rdi=0x1
; EXPECT mem[0]=0x0 mem[8]=0x2
; EXPECT flags=
%include "prologue.inc"
    mov rax, [rel in_m1]
    mov rdx, [rel in_0]
    add rax, 1
    adc rdx, 0            ; 2^64: rdx:rax = 1:0
    mov rbx, [rel in_0]
    mov rcx, [rel in_0]
    sub rbx, 1
    sbb rcx, 1            ; 0 - (2^64 + 1) = ...fffe:ffff
    mov qword [scratch], -1
    mov qword [scratch+8], 1
    add qword [scratch], 1
    adc qword [scratch+8], 0   ; memory forms: 2:0
    mov esi, [rel in_1]
    cmp esi, 2            ; 1 < 2: CF
    adc esi, 1            ; 1 + 1 + 1
    mov edi, [rel in_5]
    cmp edi, 2            ; no borrow
    sbb edi, 4            ; 5 - 4 - 0
section .data
in_m1: dq -1
in_0: dq 0
in_1: dq 1
in_5: dq 5
%include "epilogue.inc"
