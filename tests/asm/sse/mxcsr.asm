; stmxcsr/ldmxcsr: the default value, then round-down and round-toward-zero modes steer
; cvtsd2si, addsd and roundsd (imm bit 2); the sticky precision flag shows in stmxcsr.
; EXPECT rax=0x1f80 rcx=0x2 rdx=0xfffffffffffffffd rbx=0x2
; EXPECT rsi=0xc008000000000000 rdi=0xfffffffffffffffe r8=0x3fd5555555555555 r9=0x3fd5555555555555
; EXPECT flags= mem[0]=0x00003f8000001f80 mem[8]=0x00007fa000007f80 mem[16]=0x0000000000001f80
%include "prologue.inc"
    stmxcsr [rel scratch + 0]
    mov eax, [rel scratch + 0]
    movsd xmm0, [rel half]
    cvtsd2si rbx, xmm0                      ; nearest even: 2
    mov dword [rel scratch + 4], 0x3f80     ; round down
    ldmxcsr [rel scratch + 4]
    cvtsd2si rcx, xmm0                      ; 2
    movsd xmm1, [rel neg]
    cvtsd2si rdx, xmm1                      ; -3
    roundsd xmm2, xmm1, 4
    movq rsi, xmm2
    mov dword [rel scratch + 8], 0x7f80     ; toward zero
    ldmxcsr [rel scratch + 8]
    cvtsd2si rdi, xmm1                      ; -2
    movsd xmm3, [rel third]
    divsd xmm3, [rel three]
    movq r8, xmm3
    stmxcsr [rel scratch + 12]              ; precision flag set
    mov dword [rel scratch + 16], 0x1f80
    ldmxcsr [rel scratch + 16]
    movsd xmm3, [rel third]
    divsd xmm3, [rel three]
    movq r9, xmm3
%include "epilogue.inc"
section .data
align 16
half:  dq 2.5
neg:   dq -2.5
third: dq 1.0
three: dq 3.0
