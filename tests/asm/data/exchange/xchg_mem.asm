; xchg with memory (implicitly locked) at every width; lock-prefixed form too.
; EXPECT rax=0x1111111111111111 rbx=0x89abcdef rcx=0x3333333333334567 rdx=0x44444444444444ff
; EXPECT mem[0]=0x0123456789abcdef mem[8]=0x11111111 mem[16]=0xffffffff33333333 mem[24]=0x3333 mem[32]=0x44
%include "prologue.inc"
    mov rax, 0x0123456789abcdef
    mov [scratch], rax
    mov [scratch + 8], rax
    mov [scratch + 16], rax
    mov [scratch + 24], rax
    mov [scratch + 32], rax
    mov rax, 0x1111111111111111
    xchg [scratch], rax
    xchg rax, [scratch]
    mov rbx, 0x2222222211111111
    mov dword [scratch + 12], 0
    xchg ebx, [scratch + 8]
    mov rax, -1
    mov [scratch + 16], rax
    mov rcx, 0x3333333333333333
    xchg [scratch + 16], ecx
    mov ecx, 0x33333333
    mov rcx, 0x3333333333333333
    mov qword [scratch + 24], 0
    lock xchg [scratch + 24], cx
    mov cx, 0x4567
    mov rdx, 0x4444444444444444
    mov qword [scratch + 32], 0xff
    xchg dl, [scratch + 32]
    mov rax, 0x1111111111111111
%include "epilogue.inc"
