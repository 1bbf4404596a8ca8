; movsx from 8 and 16 bits, and movsxd from 32 bits, with negative and positive sources,
; register and memory forms. A 16-bit destination keeps bits 16..63; a 32-bit one zero-extends.
; EXPECT rax=0xfffffffffffffff0 rcx=0xffff80f0 rdx=0x70 rsi=0xfffffffffffffedc rdi=0x7654
; EXPECT r8=0x55555555555fff0 r9=0xfffffffffedcba98 r10=0x76543210 r11=0xffffffff80000000
; EXPECT r12=0xffffffffffffffba r13=0x1234 rbx=0xfedcba9876543210
%include "prologue.inc"
    mov rbx, 0xfedcba9876543210
    mov r14, 0x80f0
    mov rax, 0
    movsx rax, r14b
    mov rcx, -1
    movsx ecx, r14w
    mov rdx, -1
    mov dl, 0x70
    movsx edx, dl
    mov [scratch], rbx
    mov rsi, 0
    movsx rsi, word [scratch + 6]
    mov rdi, -1
    movsx edi, word [scratch + 2]
    mov r8, 0x0555555555555555
    movsx r8w, r14b
    movsxd r9, dword [scratch + 4]
    movsxd r10, ebx
    mov r15, 0x80000000
    movsxd r11, r15d
    movsx r12, byte [scratch + 5]
    mov r13, 0x1234
    movsxd r13, r13d
    mov rax, -16
    mov r14, 0
    mov r15, 0
%include "epilogue.inc"
