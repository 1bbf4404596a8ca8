; 16-bit push/pop (66 prefix): rsp moves by 2, pop writes only the low 16 bits.
; EXPECT rax=0x1111111111111234 rbx=0xffffffffffff1234 rcx=0xffffffffffff5678 rdx=0x2 rsi=0x4
; EXPECT mem[0]=0x56781234
%include "prologue.inc"
    mov rax, 0x1111111111111234
    mov r8, rsp
    push ax
    mov rdx, r8
    sub rdx, rsp                    ; 2
    mov rbx, -1
    pop bx
    push word 0x5678
    mov rcx, -1
    pop cx
    push ax
    push cx
    mov rsi, r8
    sub rsi, rsp                    ; 4
    pop word [scratch + 2]
    pop word [scratch]
    mov r8, 0
%include "epilogue.inc"
