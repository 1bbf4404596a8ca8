; pcmpeq/pcmpgt b/w/d/q, pmin/pmax ub/uw/ud/sb/sw/sd, pabs*, psign*.
; EXPECT rax=0x7f81ff01800180ff rcx=0x7f81ff0180017f01 rdx=0x7f81ff0180018001 rbx=0x7f81ff0180017fff
; EXPECT rsi=0x7f80ff0180008001 rdi=0x7f80ff0180008001 r8=0x7f80ff017fff7fff r9=0x7f80010180008001
; EXPECT r10=0x7f8000ff80007fff r11=0x7f81fe017ffe8001 r12=0x57ffffffe flags=
; EXPECT mem[0]=0xff0000ffff000000 mem[8]=0xffffffffffffff00 mem[24]=0xffffffffffff0000 mem[40]=0xffffffff00000000
; EXPECT mem[64]=0x0000ff00000000ff mem[80]=0x0000ffff00000000 mem[128]=0x7f80fe0180007f01 mem[136]=0x0000000580000001
; EXPECT mem[144]=0x7f80fe0180008001 mem[152]=0x0000000580000001 mem[160]=0x7f80fe01800080ff mem[168]=0x0000000580000001
; EXPECT mem[176]=0x7f80fe0180007fff mem[184]=0x0000000580000001 mem[192]=0x7f81fe0180017fff mem[200]=0x0000000580000002
; EXPECT mem[208]=0x7f81fe0180017fff mem[216]=0x0000000580000002 mem[224]=0x7f800101800080ff mem[232]=0x0000000580000001
; EXPECT mem[240]=0x7f8000ff80008001 mem[248]=0x0000000580000001
%include "prologue.inc"
    movdqa xmm0, [rel a]
    movdqa xmm1, [rel b]
%macro OP2 2
    movdqa xmm2, xmm0
    %1 xmm2, xmm1
    movdqu [rel scratch + %2], xmm2
%endmacro
    OP2 pcmpeqb, 0
    OP2 pcmpeqw, 16
    OP2 pcmpeqd, 32
    OP2 pcmpeqq, 48
    OP2 pcmpgtb, 64
    OP2 pcmpgtw, 80
    OP2 pcmpgtd, 96
    OP2 pcmpgtq, 112
    OP2 pminub, 128
    OP2 pminsw, 144
    OP2 pminsb, 160
    OP2 pminuw, 176
    OP2 pmaxsd, 192
    OP2 pmaxud, 208
    OP2 psignb, 224
    OP2 psignw, 240
%macro OPR 2  ; result low qword into a register
    movdqa xmm2, xmm0
    %1 xmm2, xmm1
    movq %2, xmm2
%endmacro
    OPR pmaxub, rax
    OPR pmaxsw, rbx
    OPR pmaxsb, rcx
    OPR pmaxuw, rdx
    OPR pminsd, rsi
    OPR pminud, rdi
    OPR psignd, r8
    pabsb xmm3, xmm0
    movq r9, xmm3
    pabsw xmm3, [rel a]
    movq r10, xmm3
    pabsd xmm3, xmm1
    movq r11, xmm3
    pextrq r12, xmm3, 1
%include "epilogue.inc"
section .data
align 16
a: dq 0x7f80ff0180008001, 0x0000000580000001
b: dq 0x7f81fe0180017fff, 0x0000000580000002
