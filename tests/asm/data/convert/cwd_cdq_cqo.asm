; cwd (sign of ax -> dx, keeps rdx bits 16..63), cdq (sign of eax -> edx, zero-extends rdx),
; cqo (sign of rax -> rdx); rax itself is unchanged. Flags untouched.
; EXPECT rax=0x8000000000000000 rdx=0xffffffffffffffff rbx=0x222222222222ffff rcx=0x2222222222220000
; EXPECT rsi=0xffffffff rdi=0x0 r8=0x0 r9=0x1111111180000000
; EXPECT flags=ZF
%include "prologue.inc"
    push 0x40
    popfq
    mov rdx, 0x2222222222222222
    mov rax, 0x1111111111118000
    cwd
    mov rbx, rdx
    mov rdx, 0x2222222222222222
    mov rax, 0x1111111111117fff
    cwd
    mov rcx, rdx
    mov rdx, 0x2222222222222222
    mov rax, 0x1111111180000000
    cdq
    mov rsi, rdx
    mov r9, rax
    mov rdx, 0x2222222222222222
    mov rax, 0x111111117fffffff
    cdq
    mov rdi, rdx
    mov rdx, 0x2222222222222222
    mov rax, 0x7fffffffffffffff
    cqo
    mov r8, rdx
    mov rax, 0x8000000000000000
    cqo
%include "epilogue.inc"
