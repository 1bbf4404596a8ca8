; cmovbe (moves when CF=1 or ZF=1) over all 32 CF/PF/ZF/SF/OF states, rotating
; 64-bit reg, 32-bit reg and 16-bit memory sources; then: a 32-bit cmov zero-extends its
; destination even when the condition is false (rdx), a 16-bit one does not touch bits 16..63.
; EXPECT mem[0]=0x0101010101000100
; EXPECT mem[8]=0x0101010101000100
; EXPECT mem[16]=0x0101010101000100
; EXPECT mem[24]=0x0101010101000100
; EXPECT mem[64]=0x123456789abcdef0
; EXPECT r8=0x11111111 r9=0xffffffffffff1111 r11=0x123456789abcdef0
; EXPECT rdx=0xffffffff r10=0xffffffffffffffff r12=0x7 rsi=0x1111111111111111
; EXPECT rax=0x123456789abcdef0 rcx=0x1 rbx=0x1
; EXPECT flags=
%include "prologue.inc"
    mov rax, 1
    mov [scratch + 64], rax
    mov ebx, 0
    mov ecx, 1
    push 0x0
    popfq
    cmovbe rbx, rcx
    mov [scratch + 0], bl
    mov ebx, 0
    mov ecx, 1
    push 0x1
    popfq
    cmovbe ebx, ecx
    mov [scratch + 1], bl
    mov ebx, 0
    mov ecx, 1
    push 0x4
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 2], bl
    mov ebx, 0
    mov ecx, 1
    push 0x5
    popfq
    cmovbe rbx, rcx
    mov [scratch + 3], bl
    mov ebx, 0
    mov ecx, 1
    push 0x40
    popfq
    cmovbe ebx, ecx
    mov [scratch + 4], bl
    mov ebx, 0
    mov ecx, 1
    push 0x41
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 5], bl
    mov ebx, 0
    mov ecx, 1
    push 0x44
    popfq
    cmovbe rbx, rcx
    mov [scratch + 6], bl
    mov ebx, 0
    mov ecx, 1
    push 0x45
    popfq
    cmovbe ebx, ecx
    mov [scratch + 7], bl
    mov ebx, 0
    mov ecx, 1
    push 0x80
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 8], bl
    mov ebx, 0
    mov ecx, 1
    push 0x81
    popfq
    cmovbe rbx, rcx
    mov [scratch + 9], bl
    mov ebx, 0
    mov ecx, 1
    push 0x84
    popfq
    cmovbe ebx, ecx
    mov [scratch + 10], bl
    mov ebx, 0
    mov ecx, 1
    push 0x85
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 11], bl
    mov ebx, 0
    mov ecx, 1
    push 0xc0
    popfq
    cmovbe rbx, rcx
    mov [scratch + 12], bl
    mov ebx, 0
    mov ecx, 1
    push 0xc1
    popfq
    cmovbe ebx, ecx
    mov [scratch + 13], bl
    mov ebx, 0
    mov ecx, 1
    push 0xc4
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 14], bl
    mov ebx, 0
    mov ecx, 1
    push 0xc5
    popfq
    cmovbe rbx, rcx
    mov [scratch + 15], bl
    mov ebx, 0
    mov ecx, 1
    push 0x800
    popfq
    cmovbe ebx, ecx
    mov [scratch + 16], bl
    mov ebx, 0
    mov ecx, 1
    push 0x801
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 17], bl
    mov ebx, 0
    mov ecx, 1
    push 0x804
    popfq
    cmovbe rbx, rcx
    mov [scratch + 18], bl
    mov ebx, 0
    mov ecx, 1
    push 0x805
    popfq
    cmovbe ebx, ecx
    mov [scratch + 19], bl
    mov ebx, 0
    mov ecx, 1
    push 0x840
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 20], bl
    mov ebx, 0
    mov ecx, 1
    push 0x841
    popfq
    cmovbe rbx, rcx
    mov [scratch + 21], bl
    mov ebx, 0
    mov ecx, 1
    push 0x844
    popfq
    cmovbe ebx, ecx
    mov [scratch + 22], bl
    mov ebx, 0
    mov ecx, 1
    push 0x845
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 23], bl
    mov ebx, 0
    mov ecx, 1
    push 0x880
    popfq
    cmovbe rbx, rcx
    mov [scratch + 24], bl
    mov ebx, 0
    mov ecx, 1
    push 0x881
    popfq
    cmovbe ebx, ecx
    mov [scratch + 25], bl
    mov ebx, 0
    mov ecx, 1
    push 0x884
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 26], bl
    mov ebx, 0
    mov ecx, 1
    push 0x885
    popfq
    cmovbe rbx, rcx
    mov [scratch + 27], bl
    mov ebx, 0
    mov ecx, 1
    push 0x8c0
    popfq
    cmovbe ebx, ecx
    mov [scratch + 28], bl
    mov ebx, 0
    mov ecx, 1
    push 0x8c1
    popfq
    cmovbe bx, word [scratch + 64]
    mov [scratch + 29], bl
    mov ebx, 0
    mov ecx, 1
    push 0x8c4
    popfq
    cmovbe rbx, rcx
    mov [scratch + 30], bl
    mov ebx, 0
    mov ecx, 1
    push 0x8c5
    popfq
    cmovbe ebx, ecx
    mov [scratch + 31], bl
    mov rax, 0x123456789abcdef0
    mov [scratch + 64], rax
    mov rsi, 0x1111111111111111
    mov rdx, -1
    mov r8, -1
    mov r9, -1
    mov r10, -1
    mov r12, 7
    push 0x1
    popfq
    cmovbe r8d, esi
    cmovbe r9w, si
    cmovbe r11, qword [scratch + 64]
    push 0x0
    popfq
    cmovbe edx, esi
    cmovbe r10w, si
    cmovbe r12, qword [scratch + 64]
%include "epilogue.inc"
