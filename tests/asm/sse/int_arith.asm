; Integer SIMD arithmetic and logic: padd/psub b/w/d/q and the saturating forms, pmul*,
; pmaddwd, pand/pandn/por/pxor, pavg, psadbw (xmm and m128 sources).
; EXPECT rax=0x7dffff827ffb7fff rcx=0x41fdffff00007fff rdx=0x2f7 rbx=0x4080807f80000002
; EXPECT rsi=0x479 rdi=0x180ff7f00030002 r8=0x7ffffe807fff8003 r9=0x80ffff807fff8003
; EXPECT r10=0x7e0000827ffb80ff r11=0x7e0000007ffb7fff r12=0x4080ff4040014002 r13=0x17ffc80000002
; EXPECT r14=0x7c8000037ff87ffd flags= mem[0]=0x8000fe807f018003 mem[8]=0xff00ff0000007f00
; EXPECT mem[16]=0x8100fe8080018003 mem[24]=0x0000000000008000 mem[32]=0x8101fe8080018003 mem[40]=0x0001000000008000
; EXPECT mem[48]=0x8101fe8080018003 mem[56]=0x0001000100008000 mem[64]=0x7f80fe7f7f018003 mem[72]=0xff00ff0080007f00
; EXPECT mem[80]=0x8100ffff80018003 mem[88]=0xffffffffffff8000 mem[96]=0x7e0000827ffb80ff mem[104]=0x01fefffe00008102
; EXPECT mem[112]=0x7e00ff827ffb8000 mem[120]=0x01fe7fff00008002 mem[128]=0x7e0000007ffb8000 mem[136]=0x00fe00fe00000000
; EXPECT mem[144]=0x4000807f7ffa0002 mem[152]=0x01ffffff00007fff mem[160]=0x00bf00000001ffff mem[168]=0xffffc00040000000
; EXPECT mem[176]=0x00bffe8000010001 mem[184]=0x00fe3fff40000000 mem[192]=0x00017ffc80000002 mem[200]=0x4000400000007fff
; EXPECT mem[208]=0x00bfc07f00007ffc mem[216]=0xc00001fe40007fff mem[224]=0x0000007e00010002 mem[232]=0xff00800000007ffe
; EXPECT mem[240]=0x4080ff4040814002 mem[248]=0x8080808080004080
%include "prologue.inc"
    movdqa xmm0, [rel a]
    movdqa xmm1, [rel b]
%macro OP2 2  ; mnemonic, scratch offset: result of op(a, b)
    movdqa xmm2, xmm0
    %1 xmm2, xmm1
    movdqu [rel scratch + %2], xmm2
%endmacro
    OP2 paddb, 0
    OP2 paddw, 16
    OP2 paddd, 32
    OP2 paddq, 48
    OP2 paddsb, 64
    OP2 paddusw, 80
    OP2 psubb, 96
    OP2 psubsw, 112
    OP2 psubusb, 128
    OP2 pmullw, 144
    OP2 pmulhw, 160
    OP2 pmulhuw, 176
    OP2 pmuludq, 192
    OP2 pmaddwd, 208
    OP2 pandn, 224
    OP2 pavgb, 240
    ; the rest folded into registers
    movdqa xmm3, xmm0
    psubq xmm3, [rel b]
    movq rax, xmm3
    movdqa xmm3, xmm0
    pmulld xmm3, xmm1
    movq rbx, xmm3
    pextrq rcx, xmm3, 1
    movdqa xmm3, xmm0
    psadbw xmm3, xmm1
    movq rdx, xmm3
    pextrq rsi, xmm3, 1
    movdqa xmm3, xmm0
    pxor xmm3, xmm1
    por xmm3, xmm0
    pand xmm3, [rel b]
    movq rdi, xmm3
    movdqa xmm3, xmm0
    paddsw xmm3, xmm1
    movq r8, xmm3
    movdqa xmm3, xmm0
    paddusb xmm3, xmm1
    movq r9, xmm3
    movdqa xmm3, xmm0
    psubsb xmm3, xmm1
    movq r10, xmm3
    movdqa xmm3, xmm0
    psubusw xmm3, xmm1
    movq r11, xmm3
    movdqa xmm3, xmm0
    pavgw xmm3, xmm1
    movq r12, xmm3
    movdqa xmm3, xmm0
    pmuldq xmm3, xmm1
    movq r13, xmm3
    movdqa xmm3, xmm0
    psubw xmm3, xmm1
    psubd xmm3, xmm1
    movq r14, xmm3
%include "epilogue.inc"
section .data
align 16
a: dq 0x7f80ff017ffe8001, 0x00ff7fff80000001
b: dq 0x0180ff7f00030002, 0xff01800180007fff
