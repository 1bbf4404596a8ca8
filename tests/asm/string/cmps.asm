; cmps b/w/d/q: flags as cmp [rsi], [rdi]; repe cmpsb finds the first difference, repne
; cmpsd the first equal dword; backward repe cmpsq with std. Offsets relative to scratch.
; EXPECT r8=0x1 r9=0x6 r10=0x46 r11=0x4 r12=0x2 r13=0x1 r14=0x8 r15=0x1
; EXPECT flags=CF,AF,SF
; EXPECT mem[64]=0x1122994455667788 mem[72]=0x0102030405060708
%include "prologue.inc"
    lea rbp, [scratch]
    mov rax, 0x1122334455667788
    mov [scratch], rax
    mov [scratch + 64], rax
    mov byte [scratch + 69], 0x99    ; differs at byte 5: 0x33 (src) vs 0x99 (dst)
    mov rax, 0x0102030405060708
    mov [scratch + 8], rax
    mov [scratch + 72], rax
    ; single cmpsq: different -> ZF=0, [rsi] < [rdi] as unsigned -> CF=1
    lea rsi, [scratch]
    lea rdi, [scratch + 64]
    cmpsq
    setb r8b                        ; 1
    ; repe cmpsb: stops after the byte at 5
    lea rsi, [scratch]
    lea rdi, [scratch + 64]
    mov rcx, 16
    repe cmpsb
    mov r9, rsi
    sub r9, rbp                     ; 6
    mov r10, rdi
    sub r10, rbp                    ; 70
    mov r11, rcx
    sub r11, 6                      ; rcx = 10 -> 4
    ; repne cmpsd: dword 0 is equal, so it stops after one compare
    lea rsi, [scratch]
    lea rdi, [scratch + 64]
    mov rcx, 4
    repne cmpsd                     ; dword 0 equal: rcx = 3
    mov r12, rcx
    sub r12, 1                      ; 2
    ; cmpsw equal -> ZF
    lea rsi, [scratch + 8]
    lea rdi, [scratch + 72]
    cmpsw
    setz r13b                       ; 1
    ; backward repe cmpsq from qword 1: equal, then qword 0 differs
    std
    lea rsi, [scratch + 8]
    lea rdi, [scratch + 72]
    mov rcx, 2
    repe cmpsq
    cld
    mov r14, rsi
    sub r14, rbp
    add r14, 16                     ; rsi = scratch - 8 -> 8
    mov r15, rcx
    add r15, 1                      ; rcx = 0 -> 1
    mov rsi, 0
    mov rdi, 0
    mov rbp, 0
    mov rax, 0
    mov rcx, 0
    ; final flags: from a last cmpsb, 0x88 - 0x99 -> CF, AF, SF
    lea rsi, [scratch]
    lea rdi, [scratch + 69]
    cmpsb
    mov rsi, 0
    mov rdi, 0
%include "epilogue.inc"
