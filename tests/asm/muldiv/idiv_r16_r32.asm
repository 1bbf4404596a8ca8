; idiv r16 and r32 with negative divisors.
; EXPECT r8=0x1111111111110005 r9=0x2222222222220000 rax=0xfffffff9 rdx=0x1 rcx=0xfffffffe flags=ZF
%include "prologue.inc"
    mov rax, 0x1111111111110000 - 1000 + 0x10000   ; ax = -1000 = 0xfc18
    mov rdx, 0x222222222222ffff                     ; dx = -1
    mov ecx, -200
    idiv cx                                         ; 5 rem 0
    mov r8, rax
    mov r9, rdx
    mov eax, 15
    mov edx, 0
    mov ecx, -2
    idiv ecx                                        ; -7 rem 1
    popcnt r15, r15
%include "epilogue.inc"
