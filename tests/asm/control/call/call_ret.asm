; call rel32 / ret, call through a register and through memory, nested calls, and
; `ret imm16` popping arguments (the runner compares the rsp delta, 0 here), and the
; return address a call pushes (r8 = 1 when it points right after the call).
; EXPECT rax=0x2a rbx=0x3 rcx=0x64 rdx=0x1 rsi=0x6 r8=0x1
%include "prologue.inc"
    call set_rax                    ; rax = 0x2a
    lea r9, [rel add_rbx]
    call r9                         ; rbx += 1
    mov [scratch], r9
    call [scratch]                  ; rbx += 1
    call [rel add_rbx_ptr]          ; rbx += 1
    push 40
    push 60
    call sum_args                   ; rcx = 40 + 60, ret 16 pops both
    call outer                      ; rsi = 6
    mov rdx, 1
    jmp done
set_rax:
    mov rax, 0x2a
    ret
add_rbx:
    add rbx, 1
    ret
sum_args:
    mov rcx, [rsp + 8]
    add rcx, [rsp + 16]
    ret 16
outer:
    mov rsi, 1
    call inner
    add rsi, 2
    ret
inner:
    add rsi, 3
    call check_ret
after_inner_call:
    ret
check_ret:
    mov r8, [rsp]
    lea r10, [rel after_inner_call]
    sub r8, r10                     ; return address is right after the call
    add r8, 1
    ret
section .data
add_rbx_ptr: dq add_rbx
section .text
done:
    mov r9, 0
    mov r10, 0
    mov qword [scratch], 0
%include "epilogue.inc"
