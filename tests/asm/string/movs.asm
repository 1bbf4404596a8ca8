; movs b/w/d/q single and rep, forward (DF=0) and backward (std); rep with rcx=0 does
; nothing. rsi/rdi are checked as offsets from scratch (r8..r13), rcx counts down to 0.
; EXPECT mem[0]=0x0807060504030201 mem[8]=0x100f0e0d0c0b0a09
; EXPECT mem[64]=0x0807060504030201 mem[72]=0x100f0e0d0c0b0a09 mem[80]=0x14131211 mem[16]=0x1817161514131211
; EXPECT mem[96]=0x0807060504030201 mem[104]=0x100f0e0d0c0b0a09
; EXPECT mem[128]=0x0807060504030201 mem[144]=0x0807060504030201 mem[152]=0x100f0e0d0c0b0a09
; EXPECT r8=0x14 r9=0x54 r10=0xffffffffffffffff r11=0x7f r12=0xfffffffffffffff8 r13=0x88 rcx=0x0
%include "prologue.inc"
    lea rbp, [scratch]
    mov rax, 0x0807060504030201
    mov [scratch], rax
    mov rax, 0x100f0e0d0c0b0a09
    mov [scratch + 8], rax
    mov rax, 0x1817161514131211
    mov [scratch + 16], rax
    lea rsi, [scratch]
    lea rdi, [scratch + 64]
    movsb
    movsw
    movsd
    movsq
    mov rcx, 5
    rep movsb
    mov r8, rsi
    sub r8, rbp                     ; 20
    mov r9, rdi
    sub r9, rbp                     ; 84
    mov rcx, 0
    rep movsq                       ; no-op
    lea rsi, [scratch]
    lea rdi, [scratch + 96]
    mov rcx, 2
    rep movsd
    mov rcx, 4
    rep movsw
    std
    lea rsi, [scratch + 7]
    lea rdi, [scratch + 135]
    mov rcx, 8
    rep movsb
    mov r10, rsi
    sub r10, rbp                    ; -1
    mov r11, rdi
    sub r11, rbp                    ; 127
    lea rsi, [scratch + 8]
    lea rdi, [scratch + 152]
    mov rcx, 2
    rep movsq
    cld
    mov r12, rsi
    sub r12, rbp                    ; -8
    mov r13, rdi
    sub r13, rbp                    ; 136
    mov rsi, 0
    mov rdi, 0
    mov rbp, 0
    mov rax, 0
%include "epilogue.inc"
