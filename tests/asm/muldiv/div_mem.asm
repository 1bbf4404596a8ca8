; div with memory divisors: qword, dword, word, byte.
; EXPECT r8=0x2 r9=0x3 r10=0x21 r11=0x1 r12=0x3e8 r13=0x0 rax=0x0119 rdx=0 flags=ZF
%include "prologue.inc"
    mov qword [rel scratch], 5
    mov eax, 13
    div qword [rel scratch]        ; 2 rem 3
    mov r8, rax
    mov r9, rdx
    mov dword [rel scratch + 8], 3
    mov eax, 100
    mov edx, 0
    div dword [rel scratch + 8]    ; 33 rem 1
    mov r10, rax
    mov r11, rdx
    mov word [rel scratch + 16], 1
    mov eax, 1000
    mov edx, 0
    div word [rel scratch + 16]
    mov r12, rax
    mov r13, rdx
    mov byte [rel scratch + 24], 10
    mov eax, 251
    div byte [rel scratch + 24]    ; 25 rem 1: ax = 0x0119
    popcnt r15, r15
%include "epilogue.inc"
