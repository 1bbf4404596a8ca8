; movd/movq (gpr, mem, xmm forms), movdqa/movdqu/movaps/movups/movapd/movupd, lddqu,
; movnt*, movss/movsd (load zeroes the upper part, register form merges, store), movlps/
; movhps/movlpd/movhpd/movhlps/movlhps, movmskps/movmskpd/pmovmskb.
; EXPECT rax=0x1122334455667788 rcx=0xdeadbeef rdx=0x8000000180000002 rsi=0x76543210
; EXPECT rdi=0x7 r8=0x1 r9=0xff0 r10=0xfedcba9876543210
; EXPECT flags= mem[0]=0xfedcba9876543210 mem[8]=0x0123456789abcdef mem[16]=0x8000000180000002
; EXPECT mem[24]=0x0000000380000004 mem[32]=0x1122334455667788 mem[48]=0x00000000deadbeef mem[64]=0x0000000080000001
; EXPECT mem[80]=0x0123456789abcdef mem[96]=0x8000000180000002 mem[112]=0xfedcba9876543210 mem[120]=0x0000000080000002
; EXPECT mem[128]=0x8000000176543210 mem[136]=0x0000000380000004 mem[144]=0xfedcba9876543210 mem[152]=0x0000000380000004
; EXPECT mem[160]=0x0000000001234567 mem[176]=0x0123456789abcdef mem[192]=0x0000000076543210 mem[200]=0x8000000180000002
; EXPECT mem[208]=0x0123456789abcdef mem[216]=0xfedcba9876543210 mem[224]=0x0000000380000004 mem[232]=0x0123456789abcdef
; EXPECT mem[240]=0x8000000180000002 mem[248]=0x1122334455667788
%include "prologue.inc"
    movdqa xmm0, [rel v1]
    movdqu xmm1, [rel v2 + 0]
    movaps xmm2, xmm0
    movups [rel scratch + 0], xmm1          ; v2
    movapd xmm3, [rel v1]
    movupd xmm4, xmm3
    lddqu xmm5, [rel v2]
    movntdq [rel scratch + 16], xmm0        ; v1
    mov rax, 0x1122334455667788
    movq xmm6, rax                          ; upper zeroed
    movdqu [rel scratch + 32], xmm6
    mov ecx, 0xdeadbeef
    movd xmm7, ecx
    movdqu [rel scratch + 48], xmm7
    movq rdx, xmm0                          ; low qword of v1
    movd esi, xmm1                          ; low dword of v2
    movd xmm8, [rel v1 + 4]
    movq xmm9, [rel v2 + 8]
    movq xmm10, xmm0                        ; low of v1, upper zeroed
    movdqu [rel scratch + 64], xmm8
    movdqu [rel scratch + 80], xmm9
    movdqu [rel scratch + 96], xmm10
    movq [rel scratch + 112], xmm1
    movd [rel scratch + 120], xmm2
    ; movss / movsd
    movdqa xmm11, xmm0
    movss xmm11, xmm1                       ; merge low dword of v2
    movdqu [rel scratch + 128], xmm11
    movdqa xmm12, xmm0
    movsd xmm12, xmm1                       ; merge low qword of v2
    movdqu [rel scratch + 144], xmm12
    movdqa xmm13, xmm0
    movss xmm13, [rel v2 + 12]              ; upper zeroed
    movdqu [rel scratch + 160], xmm13
    movdqa xmm14, xmm0
    movsd xmm14, [rel v2 + 8]
    movdqu [rel scratch + 176], xmm14
    movss [rel scratch + 192], xmm1
    movsd [rel scratch + 200], xmm0
    ; halves
    movdqa xmm15, xmm0
    movhps xmm15, [rel v2]
    movlps xmm15, [rel v2 + 8]              ; now v2.hi : v2.lo swapped
    movdqu [rel scratch + 208], xmm15
    movhpd [rel scratch + 224], xmm0
    movlpd xmm3, [rel v2]
    movhlps xmm3, xmm1                      ; low = v2.hi
    movlhps xmm3, xmm0                      ; high = v1.lo
    movdqu [rel scratch + 232], xmm3
    movnti [rel scratch + 248], rax
    movmskps edi, xmm0
    movmskpd r8d, xmm1
    pmovmskb r9d, xmm1
    movdqu xmm2, [rel v2]
    movq r10, xmm2
%include "epilogue.inc"
section .data
align 16
v1: dq 0x8000000180000002, 0x0000000380000004
v2: dq 0xfedcba9876543210, 0x0123456789abcdef
