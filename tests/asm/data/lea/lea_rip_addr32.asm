; rip-relative lea and loads (compared against absolute addresses, which are the same
; under retrace: the ELF is static and not relocated), and the 0x67 address-size prefix:
; a 32-bit effective address wraps at 4 GiB and is zero-extended.
; EXPECT rax=0x0 rbx=0x0 rcx=0x1122334455667788 rdx=0x1 rsi=0xffffffff rdi=0x7fffffff
; EXPECT r8=0x0 r9=0xfffffffe
section .data
rip_data: dq 0x1122334455667788
section .text
%include "prologue.inc"
    lea rax, [rel scratch]
    mov r10, scratch
    sub rax, r10                    ; 0: lea rip-relative gave the absolute address
    lea rbx, [rel rip_data]
    mov r10, rip_data
    sub rbx, r10
    mov rcx, [rel rip_data]         ; rip-relative load
    lea r8, [rel here]
    mov r10, here
    sub r8, r10
here:
    mov r10, 0
    mov r11, 0xffffffff
    mov r12, 2
    lea rdx, [r11d + r12d]          ; 0x67: (0xffffffff + 2) mod 2^32 = 1
    lea rsi, [r11d]
    mov r13, 0xffffffff80000000
    lea rdi, [r13d - 1]             ; 0x80000000 - 1
    lea r9, [r11d + r11d]           ; 0x1fffffffe mod 2^32
%include "epilogue.inc"
