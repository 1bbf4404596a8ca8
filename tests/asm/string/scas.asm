; scas b/w/d/q (flags as cmp accumulator, [rdi]); repne scasb as strlen, repe scasq
; skipping equal qwords, backward repne scasb with std. Offsets relative to scratch.
; EXPECT rax=0x20 r8=0x0 r9=0xc r10=0x12 r11=0x1 r12=0x10 r13=0x2 r14=0x4 r15=0x3
; EXPECT mem[0]=0x6f77206f6c6c6568 mem[8]=0x646c72
; EXPECT flags=PF,ZF
%include "prologue.inc"
    lea rbp, [scratch]
    mov rax, 0x6f77206f6c6c6568     ; "hello wo"
    mov [scratch], rax
    mov rax, 0x646c72               ; "rld\0"
    mov [scratch + 8], rax
    ; scasb: 'h' - 'h' -> ZF; scasw / scasd / scasq unequal -> record CF via setc
    mov al, 'h'
    lea rdi, [scratch]
    scasb
    setnz r8b                       ; 0
    ; repne scasb: strlen("hello world") = 11, rdi ends after the NUL
    mov al, 0
    lea rdi, [scratch]
    mov rcx, -1
    repne scasb
    mov r9, rdi
    sub r9, rbp                     ; 12: one past the NUL at 11
    ; scasw less than: ax=0x6500 < 0x6568 -> CF=1
    mov ax, 0x6500
    lea rdi, [scratch]
    scasw
    setc r11b                       ; 1
    ; repe scasq over three equal qwords then a different one
    mov rax, 0x7777777777777777
    mov [scratch + 32], rax
    mov [scratch + 40], rax
    mov [scratch + 48], rax
    lea rdi, [scratch + 32]
    mov rcx, 10
    repe scasq                      ; stops after comparing [56] (= 0): rcx = 6
    mov r12, rdi
    sub r12, rbp
    sub r12, 48                     ; 64 - 48 = 16
    mov r13, rcx
    sub r13, 4                      ; 2
    ; scasd equal, rcx untouched without rep
    mov eax, 0x77777777
    lea rdi, [scratch + 32]
    scasd
    setz r14b
    add r14, 3                      ; 4
    ; backward repne scasb looking for ' ' from the 'd'
    std
    mov al, ' '
    lea rdi, [scratch + 10]
    mov rcx, 20
    repne scasb                     ; finds scratch[5]: rdi = 4, rcx = 20 - 6 = 14
    cld
    mov r15, rdi
    sub r15, rbp
    sub r15, 1                      ; 3
    mov r10, rcx
    add r10, 4                      ; 18
    mov qword [scratch + 32], 0
    mov qword [scratch + 40], 0
    mov qword [scratch + 48], 0
    mov rdi, 0
    mov rbp, 0
    mov rcx, 0
    mov eax, ' '
    cmp al, 0x20                    ; final flags: PF,ZF
%include "epilogue.inc"
