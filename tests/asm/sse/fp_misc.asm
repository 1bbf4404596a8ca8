; roundss/sd/ps/pd (each mode, MXCSR mode), blendps/blendpd/blendvps/blendvpd, insertps
; (register and memory), extractps, dpps/dppd, haddps/haddpd/hsubps/hsubpd,
; addsubps/addsubpd, movddup/movshdup/movsldup, unpckl/h ps/pd, shufps/shufpd.
; EXPECT rax=0xc004000000000000 rcx=0x405f5c29 rdx=0xc051080000000000 rbx=0xc022000000000000
; EXPECT rsi=0x4014000000000000 rdi=0x407f5c2940800000 r8=0xc024000000000000 r9=0xbff8000000000000
; EXPECT r10=0xc0200000c0200000 r11=0xc1f00000c1f00000 r12=0xc1f00000405f5c29 r13=0x401e000000000000
; EXPECT r14=0x401e000000000000 r15=0x3fd0000000000000 flags= mem[0]=0xc000000040000000
; EXPECT mem[8]=0x8000000040400000 mem[16]=0xc04000003f800000 mem[24]=0xbf80000040400000 mem[32]=0xc000000000000000
; EXPECT mem[40]=0x4020000000000000 mem[48]=0xc000000000000000 mem[56]=0x42200000c1f00000 mem[64]=0x41a00000c0000000
; EXPECT mem[72]=0x42200000c1f00000 mem[80]=0xc020000041200000 mem[88]=0xbf000000c1f00000 mem[96]=0xc020000041200000
; EXPECT mem[104]=0xbf000000c1f00000 mem[112]=0x3fd0000000000000 mem[120]=0x42200000c1f00000 mem[128]=0xc1f000003fc00000
; EXPECT mem[136]=0xbf00000000000000 mem[144]=0xc020000000000000 mem[152]=0xbf00000042200000 mem[160]=0xc31fb33342200000
; EXPECT mem[168]=0x403f5c29bf800000 mem[176]=0x4120000041f00000 mem[184]=0x418c0000c1080000 mem[192]=0x421e00004205f5c3
; EXPECT mem[200]=0xc022000000000000 mem[208]=0xc022000000000000 mem[216]=0x412000003fc00000 mem[224]=0x41a00000c0200000
; EXPECT mem[232]=0xbf0000003fc00000 mem[240]=0xc1f0000041a00000
%include "prologue.inc"
    movaps xmm0, [rel fa]
    movaps xmm1, [rel fb]
    movapd xmm2, [rel da]
    movapd xmm3, [rel db]
    roundps xmm4, xmm0, 0
    movdqu [rel scratch + 0], xmm4
    roundps xmm4, [rel fa], 1
    movdqu [rel scratch + 16], xmm4
    roundpd xmm4, xmm2, 2
    movdqu [rel scratch + 32], xmm4
    movdqa xmm4, xmm1
    roundsd xmm4, xmm2, 3
    movdqu [rel scratch + 48], xmm4
    movdqa xmm4, xmm1
    roundss xmm4, [rel fa + 4], 4           ; MXCSR: nearest
    movdqu [rel scratch + 64], xmm4
    movdqa xmm4, xmm0
    blendps xmm4, xmm1, 0x5
    movdqu [rel scratch + 80], xmm4
    movdqa xmm4, xmm2
    blendpd xmm4, xmm3, 2
    movq rax, xmm4
    pextrq rbx, xmm4, 1
    movdqa xmm5, xmm0                       ; mask: sign bits of fa
    movdqa xmm6, xmm0
    movdqa xmm4, xmm1
    movdqa xmm0, xmm6
    blendvps xmm4, xmm5
    movdqu [rel scratch + 96], xmm4
    movdqa xmm0, xmm2
    movdqa xmm4, xmm1
    blendvpd xmm4, xmm3
    movdqu [rel scratch + 112], xmm4
    movdqa xmm0, xmm6
    movdqa xmm4, xmm0
    insertps xmm4, xmm1, 0b10_01_0100      ; fb[2] -> [1], zero [2]
    movdqu [rel scratch + 128], xmm4
    movdqa xmm4, xmm0
    insertps xmm4, [rel fb + 12], 0b11_10_0001   ; m32 -> [2] (bits 7:6 ignored), zero [0]
    movdqu [rel scratch + 144], xmm4
    extractps ecx, xmm0, 2
    extractps [rel scratch + 160], xmm1, 3
    movdqa xmm4, xmm0
    dpps xmm4, xmm1, 0xf3
    movd [rel scratch + 164], xmm4
    movdqa xmm4, xmm2
    dppd xmm4, xmm3, 0x31
    movq rdx, xmm4
    movdqa xmm4, xmm0
    haddps xmm4, xmm1
    movdqu [rel scratch + 168], xmm4
    movdqa xmm4, xmm2
    haddpd xmm4, xmm3
    movq rsi, xmm4
    movdqa xmm4, xmm0
    hsubps xmm4, xmm1
    movq rdi, xmm4
    movdqa xmm4, xmm2
    hsubpd xmm4, xmm3
    movq r8, xmm4
    movdqa xmm4, xmm0
    addsubps xmm4, xmm1
    movdqu [rel scratch + 184], xmm4
    movdqa xmm4, xmm2
    addsubpd xmm4, xmm3
    pextrq r9, xmm4, 1
    movddup xmm4, [rel db + 8]
    movdqu [rel scratch + 200], xmm4
    movshdup xmm4, xmm0
    movq r10, xmm4
    movsldup xmm4, xmm1
    pextrq r11, xmm4, 1
    movdqa xmm4, xmm0
    unpcklps xmm4, xmm1
    movdqu [rel scratch + 216], xmm4
    movdqa xmm4, xmm0
    unpckhps xmm4, xmm1
    movq r12, xmm4
    movdqa xmm4, xmm2
    unpckhpd xmm4, xmm3
    movq r13, xmm4
    movdqa xmm4, xmm0
    shufps xmm4, xmm1, 0x9c
    movdqu [rel scratch + 232], xmm4
    movdqa xmm4, xmm2
    shufpd xmm4, xmm3, 1
    movq r14, xmm4
    movdqa xmm4, xmm2
    unpcklpd xmm4, [rel db]
    pextrq r15, xmm4, 1
    pxor xmm0, xmm0
%include "epilogue.inc"
section .data
align 16
fa: dd 1.5, -2.5, 3.49, -0.5
fb: dd 10.0, 20.0, -30.0, 40.0
da: dq -2.5, 7.5
db: dq 0.25, -9.0
