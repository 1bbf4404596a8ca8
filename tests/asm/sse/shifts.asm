; psll/psrl/psra w/d/q by imm8 and by xmm/m128 (including counts past the width),
; pslldq/psrldq.
; EXPECT flags= mem[0]=0x0008f6e0b2a05e68 mem[8]=0x80787f8091a0b3c0 mem[16]=0x040007f603b2055e
; EXPECT mem[24]=0x0780007f009102b3 mem[32]=0xff00fffd00ecff57 mem[40]=0xffe0001f002400ac mem[48]=0x03fdb800a9579a00
; EXPECT mem[56]=0x1e1fe00068acf000 mem[64]=0x0000000100000000 mem[72]=0x0000000100000000 mem[80]=0xffffffff00000000
; EXPECT mem[88]=0xffffffff00000000 mem[96]=0xfdb8eca9579a0000 mem[104]=0x1fe02468acf00000 mem[112]=0x0000000000000001
; EXPECT mem[120]=0x0000000000000001 mem[128]=0xdc7654abcd000000 mem[136]=0xf0123456788001fe mem[144]=0x0f0ff01234567880
; EXPECT mem[152]=0x00000000000000f0 mem[176]=0x0010edc06540bcd0 mem[184]=0x00f0ff0023406780 mem[192]=0xf8001fed07654abc
; EXPECT mem[200]=0xff00f0ff01234567 mem[208]=0x08001fedc7654abc mem[216]=0x0f00f0ff01234567 mem[224]=0xffffffff0000ffff
; EXPECT mem[232]=0xffff000000000000
%include "prologue.inc"
    movdqa xmm0, [rel a]
%macro SI 3  ; mnemonic, count, offset
    movdqa xmm2, xmm0
    %1 xmm2, %2
    movdqu [rel scratch + %3], xmm2
%endmacro
    SI psllw, 3, 0
    SI psrlw, 5, 16
    SI psraw, 7, 32
    SI pslld, 9, 48
    SI psrld, 31, 64
    SI psrad, 40, 80
    SI psllq, 17, 96
    SI psrlq, 63, 112
    SI pslldq, 3, 128
    SI psrldq, 7, 144
    SI psrlw, 16, 160
    movq xmm1, [rel cnt]
    SI psllw, xmm1, 176
    SI psrad, xmm1, 192
    SI psrlq, [rel cnt], 208
    SI psraw, [rel big], 224
    SI pslldq, 16, 240
%include "epilogue.inc"
section .data
align 16
a: dq 0x8001fedc7654abcd, 0xf00f0ff012345678
cnt: dq 4, 0
big: dq 0x100000000, 0
