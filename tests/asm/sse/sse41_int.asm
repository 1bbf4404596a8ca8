; pextrb/w/d/q (register and memory), pinsrb/w/d/q, pmovzx/pmovsx (register and memory),
; pblendw, pblendvb, mpsadbw, phminposuw, ptest flags.
; EXPECT rax=0xd2 rcx=0xf0e1d2c3 rdx=0xf0e1d2c3b4a59687 rbx=0xd2c3
; EXPECT rsi=0x1234abcd r10=0x1 flags=CF mem[0]=0x0011223380010055
; EXPECT mem[8]=0x0011223344556677 mem[16]=0x8899aabbabcdeeff mem[24]=0xcde1d2c300112233 mem[32]=0x00000000ff34abcd
; EXPECT mem[40]=0xcde1d2c300112233 mem[48]=0x00cc00dd00ee00ff mem[56]=0x0088009900aa00bb mem[64]=0xffccffddffeeffff
; EXPECT mem[72]=0xff88ff99ffaaffbb mem[80]=0xffffccddffffeeff mem[88]=0xffff8899ffffaabb mem[96]=0x00000000b4a59687
; EXPECT mem[104]=0x00000000f0e1d2c3 mem[112]=0xffffffffffffffff mem[120]=0xffffffffffffffee mem[128]=0x000000000000eeff
; EXPECT mem[136]=0x000000000000ccdd mem[144]=0x88992233ccdd6677 mem[152]=0x8001d2c370039687 mem[160]=0x0011aabbcc55eeff
; EXPECT mem[168]=0xf0e1d2c370037fff mem[176]=0x01e401d801ec0220 mem[184]=0x02c40288024c0210 mem[192]=0x0000000000030011
; EXPECT mem[208]=0x0000000044556677 mem[216]=0x0000000000112233 mem[224]=0x0000006600000077 mem[232]=0x0000004400000055
%include "prologue.inc"
    movdqa xmm0, [rel a]
    movdqa xmm1, [rel b]
    pextrb eax, xmm0, 13
    pextrw ebx, xmm0, 6
    pextrd ecx, xmm0, 3
    pextrq rdx, xmm0, 1
    pextrb [rel scratch + 0], xmm1, 2
    pextrw [rel scratch + 2], xmm1, 7
    pextrd [rel scratch + 4], xmm1, 1
    pextrq [rel scratch + 8], xmm1, 0
    movdqa xmm2, xmm0
    mov esi, 0x1234abcd
    pinsrb xmm2, esi, 15
    pinsrw xmm2, esi, 1
    pinsrd xmm2, [rel b + 4], 2
    movdqu [rel scratch + 16], xmm2
    pinsrq xmm2, rsi, 0
    pinsrb xmm2, [rel b + 8], 3
    movdqu [rel scratch + 32], xmm2
    pmovzxbw xmm3, xmm0
    movdqu [rel scratch + 48], xmm3
    pmovsxbw xmm3, [rel a]
    movdqu [rel scratch + 64], xmm3
    pmovsxwd xmm3, xmm0
    movdqu [rel scratch + 80], xmm3
    pmovzxdq xmm3, [rel a + 8]
    movdqu [rel scratch + 96], xmm3
    pmovsxbq xmm3, xmm0
    movdqu [rel scratch + 112], xmm3
    pmovzxwq xmm3, xmm0
    movdqu [rel scratch + 128], xmm3
    movdqa xmm4, xmm0
    pblendw xmm4, xmm1, 0xa5
    movdqu [rel scratch + 144], xmm4
    movdqa xmm5, xmm0
    movdqa xmm6, xmm0                       ; keep
    movdqa xmm0, [rel mask]
    pblendvb xmm5, xmm1                     ; implicit xmm0
    movdqu [rel scratch + 160], xmm5
    movdqa xmm0, xmm6
    movdqa xmm7, xmm0
    mpsadbw xmm7, xmm1, 5
    movdqu [rel scratch + 176], xmm7
    phminposuw xmm7, xmm1
    movdqu [rel scratch + 192], xmm7
    pmovsxdq xmm3, xmm1
    movdqu [rel scratch + 208], xmm3
    pmovzxbd xmm3, xmm1
    movdqu [rel scratch + 224], xmm3
    ; ptest: record ZF/CF of three cases
    ptest xmm0, xmm1
    setz r8b
    setc r9b
    pxor xmm8, xmm8
    ptest xmm8, xmm0
    setz r10b
    setc r11b
    ptest xmm0, xmm0
%include "epilogue.inc"
section .data
align 16
a: dq 0x8899aabbccddeeff, 0xf0e1d2c3b4a59687
b: dq 0x0011223344556677, 0x8001800270037fff
mask: dq 0x80ff007f01800000, 0x00000000ffffffff
