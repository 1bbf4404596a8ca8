; add/sub/mul/div/min/max/sqrt ss/sd/ps/pd (register, m32/m64 and m128 sources), scalar
; forms keep the destination's upper part; and/andn/or/xor ps/pd; rcp/rsqrt excluded
; (approximations are model-specific).
; EXPECT rax=0x3ffccccccccccccd rcx=0x3ff3333333333333 rdx=0xc0600000c0000000 rbx=0xbfc0000040800000
; EXPECT rsi=0x3fdccccccccccccc rdi=0xc0e0000040400000 r8=0x4014000000000000 r9=0xc06000003eaaaaab
; EXPECT r10=0x3ff8000000000000 r11=0x4000000040400000 r12=0x3fd3333333333333 r13=0xc06000003f800000
; EXPECT r14=0x3333333333333 r15=0x40400000 flags= mem[0]=0x3ffccccccccccccd
; EXPECT mem[8]=0xc002000000000000 mem[16]=0x3ff3333333333333 mem[24]=0xc002000000000000 mem[32]=0x3fdccccccccccccc
; EXPECT mem[40]=0xc022000000000000 mem[48]=0x4014000000000000 mem[56]=0xbfe2000000000000 mem[64]=0xc060000040400000
; EXPECT mem[72]=0x3dcccccd42c88000 mem[80]=0xc0b00000c0000000 mem[88]=0x3f19999a42ba8000 mem[96]=0xc060000040400000
; EXPECT mem[104]=0x3dcccccd42c88000 mem[112]=0xbfe000003eaaaaab mem[120]=0xbe4ccccd41652492 mem[128]=0x3fd3333333333333
; EXPECT mem[136]=0xc002000000000000 mem[144]=0x3ff8000000000000 mem[152]=0x4010000000000000 mem[160]=0xc06000003f800000
; EXPECT mem[168]=0xbf00000040e00000 mem[176]=0xc060000040400000 mem[184]=0x3dcccccd42c88000 mem[192]=0x3fe186f174f88472
; EXPECT mem[200]=0xc002000000000000 mem[208]=0x3fb504f33fddb3d7 mem[216]=0xffc00000402953fd mem[224]=0xc0600000402953fd
; EXPECT mem[232]=0x3dcccccd42c88000 mem[240]=0x3fe186f174f88472 mem[248]=0x4000000000000000
%include "prologue.inc"
    movapd xmm0, [rel da]
    movapd xmm1, [rel db]
    movaps xmm2, [rel fa]
    movaps xmm3, [rel fb]
%macro OP2 4  ; mnemonic, dst init, src, offset
    movdqa xmm4, %2
    %1 xmm4, %3
    movdqu [rel scratch + %4], xmm4
%endmacro
    OP2 addsd, xmm0, xmm1, 0
    OP2 subsd, xmm0, [rel db], 16
    OP2 mulpd, xmm0, xmm1, 32
    OP2 divpd, xmm0, [rel db], 48
    OP2 addss, xmm2, [rel fb + 4], 64
    OP2 subps, xmm2, xmm3, 80
    OP2 mulss, xmm2, xmm3, 96
    OP2 divps, xmm2, [rel fb], 112
    OP2 minsd, xmm0, xmm1, 128
    OP2 maxpd, xmm0, xmm1, 144
    OP2 minps, xmm2, xmm3, 160
    OP2 maxss, xmm2, xmm3, 176
    OP2 sqrtsd, xmm0, xmm1, 192
    OP2 sqrtps, xmm2, xmm3, 208
    OP2 sqrtss, xmm2, [rel fb + 8], 224
    OP2 sqrtpd, xmm0, [rel db], 240
%macro OPR 4
    movdqa xmm4, %2
    %1 xmm4, %3
    movq %4, xmm4
%endmacro
    OPR addpd, xmm0, xmm1, rax
    OPR addps, xmm2, xmm3, rbx
    OPR subpd, xmm0, xmm1, rcx
    OPR subss, xmm2, xmm3, rdx
    OPR mulsd, xmm0, [rel db], rsi
    OPR mulps, xmm2, xmm3, rdi
    OPR divsd, xmm0, xmm1, r8
    OPR divss, xmm2, xmm3, r9
    OPR maxsd, xmm0, xmm1, r10
    OPR maxps, xmm2, xmm3, r11
    OPR minpd, xmm0, xmm1, r12
    OPR minss, xmm2, xmm3, r13
    OPR andnpd, xmm0, xmm1, r14
    movdqa xmm4, xmm2
    xorps xmm4, xmm3
    orps xmm4, xmm2
    andps xmm4, xmm3
    andpd xmm4, xmm0
    orpd xmm4, xmm1
    xorpd xmm4, xmm2
    andnps xmm4, xmm3
    movq r15, xmm4
%include "epilogue.inc"
section .data
align 16
da: dq 1.5, -2.25
db: dq 0.3, 4.0
fa: dd 1.0, -3.5, 100.25, 0.1
fb: dd 3.0, 2.0, 7.0, -0.5
