; punpckl/h bw/wd/dq/qdq, packsswb/packuswb/packssdw/packusdw, pshufd/pshufhw/pshuflw,
; pshufb, palignr, phadd/phsub, pmaddubsw, pmulhrsw.
; EXPECT rax=0x48985ab86cd07ef rcx=0x485860789abcdef rdx=0x7f80ff0180008001 rbx=0x8b0a800009088001
; EXPECT rsi=0x8acf1356ff817f02 rdi=0x468a80007e818000 r8=0x444444447f810001 r9=0x4444444480000001
; EXPECT r10=0xe710cffc5800488 r11=0xeffffe674f6f6f8 r12=0xf0e0d0c8b0a0908 flags=
; EXPECT mem[0]=0x8b800a0009800801 mem[8]=0x0f7f0e800dff0c01 mem[16]=0x048589ab8607cdef mem[24]=0x0001012302034567
; EXPECT mem[32]=0x8b0a090880008001 mem[40]=0x0f0e0d0c7f80ff01 mem[48]=0x0123456789abcdef mem[56]=0x0001020304858607
; EXPECT mem[64]=0x7f7f80807f808080 mem[72]=0x017f7f807f7f807f mem[80]=0xffff0000ff000000 mem[88]=0x01ffff00ffff00ff
; EXPECT mem[96]=0x7fff80007fff8000 mem[104]=0x7fff7fff7fff8000 mem[112]=0xffff0000ffff0000 mem[120]=0xffffffffffff0000
; EXPECT mem[128]=0x0485860700010203 mem[136]=0x8b0a09080f0e0d0c mem[144]=0x0f0e0d0c8b0a0908 mem[152]=0x0485860700010203
; EXPECT mem[160]=0x0f0e8b0a0d0c0908 mem[168]=0x0001020304858607 mem[176]=0x0123456700abcdef mem[184]=0x018000800100007f
; EXPECT mem[192]=0x03048586070f0e0d mem[200]=0x0180008001000102 mem[208]=0x89abcdef7f80ff01 mem[216]=0x0000000001234567
; EXPECT mem[224]=0x468a579a7e810001 mem[232]=0x02048a8c1c1a9412 mem[240]=0x88888888007f8100 mem[248]=0x048484047bfbfbfc
%include "prologue.inc"
    movdqa xmm0, [rel a]
    movdqa xmm1, [rel b]
%macro OP2 2
    movdqa xmm2, xmm0
    %1 xmm2, xmm1
    movdqu [rel scratch + %2], xmm2
%endmacro
%macro OP3 3
    movdqa xmm2, xmm0
    %1 xmm2, xmm1, %3
    movdqu [rel scratch + %2], xmm2
%endmacro
    OP2 punpcklbw, 0
    OP2 punpckhwd, 16
    OP2 punpckldq, 32
    OP2 punpckhqdq, 48
    OP2 packsswb, 64
    OP2 packuswb, 80
    OP2 packssdw, 96
    OP2 packusdw, 112
    OP3 pshufd, 128, 0x1b
    OP3 pshufhw, 144, 0x4e
    OP3 pshuflw, 160, 0xd8
    OP2 pshufb, 176
    OP3 palignr, 192, 5
    OP3 palignr, 208, 20
    OP2 phaddw, 224
    OP2 phsubd, 240
%macro OPR 2
    movdqa xmm2, xmm0
    %1 xmm2, xmm1
    movq %2, xmm2
%endmacro
    OPR punpckhbw, rax
    OPR punpcklwd, rbx
    OPR punpckhdq, rcx
    OPR punpcklqdq, rdx
    OPR phaddd, rsi
    OPR phaddsw, rdi
    OPR phsubw, r8
    OPR phsubsw, r9
    OPR pmaddubsw, r10
    OPR pmulhrsw, r11
    pshufd xmm3, [rel b], 0xe4
    movq r12, xmm3
%include "epilogue.inc"
section .data
align 16
a: dq 0x7f80ff0180008001, 0x0123456789abcdef
b: dq 0x0f0e0d0c8b0a0908, 0x0001020304858607
