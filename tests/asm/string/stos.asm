; stos b/w/d/q: single, rep forward, rep backward (std), rep with rcx=0.
; rdi is checked as an offset from scratch (r8..r11).
; EXPECT mem[0]=0x8877665544332211 mem[8]=0x44332211 mem[16]=0x2211 mem[24]=0x11
; EXPECT mem[32]=0x1111111111111111 mem[40]=0x1111111111111111 mem[48]=0x8877665544332211 mem[56]=0x8877665544332211
; EXPECT mem[64]=0x0 mem[72]=0x3322332233223322 mem[80]=0x5566556655665566 mem[88]=0x0
; EXPECT r8=0x30 r9=0x40 r10=0x46 r11=0x58 rcx=0x0 rax=0x5566
%include "prologue.inc"
    lea rbp, [scratch]
    mov rax, 0x8877665544332211
    lea rdi, [scratch]
    stosq
    lea rdi, [scratch + 8]
    stosd
    lea rdi, [scratch + 16]
    stosw
    lea rdi, [scratch + 24]
    stosb
    mov rcx, 16
    lea rdi, [scratch + 32]
    mov al, 0x11
    rep stosb
    mov r8, rdi
    sub r8, rbp                     ; 48
    mov rax, 0x8877665544332211
    mov rcx, 2
    rep stosq
    mov r9, rdi
    sub r9, rbp                     ; 64
    std
    mov eax, 0x3322
    lea rdi, [scratch + 78]
    mov rcx, 4
    rep stosw                       ; words at 78, 76, 74, 72
    mov r10, rdi
    sub r10, rbp                    ; 70
    cld
    mov eax, 0x55665566
    lea rdi, [scratch + 80]
    mov rcx, 2
    rep stosd
    mov rcx, 0
    rep stosq                       ; no-op
    mov r11, rdi
    sub r11, rbp                    ; 88
    mov rdi, 0
    mov rbp, 0
    mov eax, 0x5566
%include "epilogue.inc"
