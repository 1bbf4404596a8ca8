; lods b/w/d/q forward and backward: lodsb/lodsw keep the rest of rax, lodsd zero-extends.
; rep lods (legal, only the last element stays in rax) included. rsi as offset (r8..r10).
; EXPECT rbx=0xffffffffffffff11 r14=0xffffffffffff2211 rcx=0x0 rdx=0x44332211 rsi=0x8877665544332211
; EXPECT rdi=0xffffffffffffff88 r11=0x100f0e0d0c0b0a09 rax=0x100f0e0d0c0b0a09
; EXPECT r8=0xf r9=0x6 r10=0x10 r12=0x0
%include "prologue.inc"
    lea rbp, [scratch]
    mov rax, 0x8877665544332211
    mov [scratch], rax
    mov rax, 0x100f0e0d0c0b0a09
    mov [scratch + 8], rax
    lea rsi, [scratch]
    mov rax, -1
    lodsb
    mov rbx, rax
    lea rsi, [scratch]
    mov rax, -1
    lodsw
    mov r14, rax
    lea rsi, [scratch]
    mov rax, -1
    lodsd
    mov rdx, rax
    lea rsi, [scratch]
    lodsq
    mov r12, rsi
    sub r12, rbp
    sub r12, 8                      ; 0: lodsq advanced by 8
    mov rdi, rax
    lea rsi, [scratch + 8]
    mov rcx, 7
    rep lodsb                       ; bytes 8..14, last 0x0f
    mov r8, rsi
    sub r8, rbp                     ; 15
    std
    lea rsi, [scratch + 7]
    mov rax, -1
    lodsb                           ; 0x88, rsi -> 6
    mov r9, rsi
    sub r9, rbp
    mov r13, rax
    lea rsi, [scratch + 8]
    lodsq
    cld
    mov r10, rsi
    add r10, 16
    sub r10, rbp                    ; rsi was scratch+0 -> 16
    mov r11, rax
    mov rsi, rdi
    mov rdi, r13
    mov r13, 0
    mov rbp, 0
%include "epilogue.inc"
