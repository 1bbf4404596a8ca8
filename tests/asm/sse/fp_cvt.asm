; cvtsi2ss/cvtsi2sd (32/64-bit, register and memory), cvtss2sd/cvtsd2ss, cvt(t)ss2si,
; cvt(t)sd2si (32/64), cvtdq2ps/cvtps2dq/cvttps2dq/cvtdq2pd/cvtpd2dq/cvttpd2dq/cvtps2pd/
; cvtpd2ps; out-of-range gives the integer indefinite value.
; EXPECT rax=0xfffffffffffffff9 rcx=0x2 rdx=0xfffffffe rbx=0x2
; EXPECT rsi=0xffffffffffffffff rdi=0xfffffffffffffffc r8=0x80000000 r9=0xfffffffffffffff9
; EXPECT r10=0x80000000 r11=0x8000000000000000 flags= mem[0]=0xc01c000000000000
; EXPECT mem[8]=0xc00c000000000000 mem[16]=0xc008000000000000 mem[24]=0x40200000c0e00000 mem[32]=0xc0f80000501502f9
; EXPECT mem[40]=0x000000005f000000 mem[48]=0xbff8000000000000 mem[56]=0xc0f80000501502f9 mem[64]=0xbff8000040200000
; EXPECT mem[72]=0xc0f80000501502f9 mem[80]=0x40a00000c0400000 mem[88]=0xcf0000004f000000 mem[96]=0x00000002fffffffe
; EXPECT mem[104]=0xfffffff880000000 mem[112]=0x00000002ffffffff mem[120]=0xfffffff980000000 mem[128]=0xc008000000000000
; EXPECT mem[136]=0x4014000000000000 mem[144]=0xfffffffc00000002 mem[160]=0xfffffffd00000002 mem[176]=0xbff8000000000000
; EXPECT mem[184]=0x4004000000000000 mem[192]=0xc060000040200000
%include "prologue.inc"
    movapd xmm0, [rel dv]
    movaps xmm1, [rel fv]
    mov rax, -7
    movdqa xmm2, xmm0
    cvtsi2sd xmm2, rax
    movdqu [rel scratch + 0], xmm2
    cvtsi2sd xmm2, dword [rel iv]
    movq [rel scratch + 16], xmm2
    movdqa xmm2, xmm1
    cvtsi2ss xmm2, eax
    movdqu [rel scratch + 24], xmm2
    cvtsi2ss xmm2, qword [rel big]
    movd [rel scratch + 40], xmm2
    movdqa xmm2, xmm1
    cvtss2sd xmm2, xmm1
    movdqu [rel scratch + 48], xmm2
    cvtsd2ss xmm2, [rel dv]
    movdqu [rel scratch + 64], xmm2
    cvtdq2ps xmm3, [rel iv]
    movdqu [rel scratch + 80], xmm3
    cvtps2dq xmm3, xmm1
    movdqu [rel scratch + 96], xmm3
    cvttps2dq xmm3, xmm1
    movdqu [rel scratch + 112], xmm3
    cvtdq2pd xmm3, [rel iv]
    movdqu [rel scratch + 128], xmm3
    cvtpd2dq xmm3, xmm0
    movdqu [rel scratch + 144], xmm3
    cvttpd2dq xmm3, [rel dv]
    movdqu [rel scratch + 160], xmm3
    cvtps2pd xmm3, xmm1
    movdqu [rel scratch + 176], xmm3
    cvtpd2ps xmm3, xmm0
    movdqu [rel scratch + 192], xmm3
    cvtsd2si ebx, xmm0
    cvttsd2si rcx, xmm0
    cvtss2si edx, xmm1
    cvttss2si rsi, [rel fv]
    cvtsd2si rdi, [rel dv + 8]
    cvttsd2si r8d, [rel huge]
    cvttss2si r9, [rel fv + 12]
    cvtss2si r10d, [rel fv + 8]
    cvttsd2si r11, [rel huge]
%include "epilogue.inc"
section .data
align 16
dv: dq 2.5, -3.5
fv: dd -1.5, 2.5, 1e10, -7.75
iv: dd -3, 5, 0x7fffffff, -2147483648
big: dq 0x7fffffffffffffff
huge: dq 1e300
