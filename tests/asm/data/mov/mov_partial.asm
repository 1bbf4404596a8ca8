; Register-to-register mov at every width: 32-bit writes zero-extend to 64 bits,
; 16- and 8-bit writes (including REX byte registers) keep the untouched bits.
; EXPECT rax=0x0123456789abcdef
; EXPECT rbx=0x0123456789abcdef rcx=0x89abcdef rdx=0xffffffffffffcdef
; EXPECT rsi=0xffffffffffffffef rdi=0xffffffffffffffef r8=0xffffffffffffcdef
; EXPECT r9=0x89abcdef r10=0xffffffffffffffef r11=0xffffffffffffffef
%include "prologue.inc"
    mov rax, 0x0123456789abcdef
    mov rbx, rax
    mov rcx, -1
    mov ecx, eax
    mov rdx, -1
    mov dx, ax
    mov rsi, -1
    mov sil, al
    mov rdi, -1
    mov dil, sil
    mov r8, -1
    mov r8w, ax
    mov r9, -1
    mov r9d, ebx
    mov r10, -1
    mov r10b, al
    mov r11, -1
    mov r11b, r10b
%include "epilogue.inc"
