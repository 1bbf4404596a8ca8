; pcmpestri/pcmpestrm: explicit lengths in eax/edx (negative: absolute value; above the
; element count: saturated; rex.w: rax/rdx), strings with embedded zero elements, each
; aggregation mode, byte and word, signed ranges. Results: ecx, xmm0, CF/ZF/SF/OF.
; EXPECT rax=0x5 rdx=0x9 r8=0x900 r11=0x8
; EXPECT flags=CF,ZF,SF,OF mem[0]=0x0000070200000702 mem[8]=0x000005020000050b mem[16]=0x0000041000000410
; EXPECT mem[24]=0x00000f0000000102 mem[32]=0x0000050400000f00 mem[40]=0x0000001000000210 mem[48]=0x0000050300000503
; EXPECT mem[56]=0x0000030400000f00 mem[64]=0x0000090000000505 mem[72]=0x0000000800000008 mem[80]=0xff00ffffffff0000
; EXPECT mem[88]=0x00000000ff00ff00 mem[96]=0x0000000000000abc mem[112]=0xffff000000000000 mem[120]=0x00000000ffff0000
; EXPECT mem[128]=0x0000000000000028
%include "prologue.inc"
    movdqu xmm1, [rel set]
    movdqu xmm2, [rel text]
    xor r15d, r15d
%macro ESTRI 4  ; a-length, b-length, imm, scratch qword slot for ecx | flags << 8
    mov eax, %1
    mov edx, %2
    pcmpestri xmm1, xmm2, %3
    setc r8b
    setz r9b
    sets r10b
    seto r11b
    movzx r8d, r8b
    movzx r9d, r9b
    movzx r10d, r10b
    movzx r11d, r11b
    shl r9d, 1
    shl r10d, 2
    shl r11d, 3
    or r8d, r9d
    or r8d, r10d
    or r8d, r11d
    shl r8d, 8
    or r8d, ecx
    mov [rel scratch + %4*4], r8d
%endmacro
    ESTRI 3, 12, 0x00, 0          ; equal any, the zero inside text is valid
    ESTRI 3, 4, 0x00, 1
    ESTRI 2, 16, 0x40, 2
    ESTRI -3, -20, 0x00, 3        ; |len|, saturated
    ESTRI 0, 16, 0x00, 4
    ESTRI 4, 16, 0x04, 5          ; ranges
    ESTRI 16, 16, 0x08, 6         ; equal each
    ESTRI 5, 9, 0x18, 7           ; equal each, negated
    ESTRI 5, 9, 0x38, 8           ; masked negative
    ESTRI 2, 16, 0x0c, 9          ; equal ordered
    ESTRI 16, 3, 0x0c, 10
    ESTRI 100, 100, 0x0c, 11
    movdqu xmm1, [rel wset]
    movdqu xmm2, [rel wtext]
    ESTRI 2, 8, 0x05, 12          ; words, ranges, unsigned
    ESTRI 2, 8, 0x07, 13          ; words, ranges, signed
    ESTRI 4, 6, 0x01, 14
    ESTRI 8, 7, 0x09, 15          ; words equal each
    ESTRI 2, 8, 0x47, 16
    ESTRI 8, 8, 0x03, 17          ; signed words equal any
    mov rax, 0x100000002          ; rex.w: a 64-bit length (saturates to 8)
    mov rdx, -1                   ; |rdx| = 1
    pcmpestri xmm1, xmm2, 0x01
    mov [rel scratch + 72], ecx
    mov eax, 0x80000000           ; int32 min: saturates
    mov edx, 3
    pcmpestri xmm1, xmm2, 0x0d
    mov [rel scratch + 76], ecx
    movdqu xmm1, [rel set]
    movdqu xmm2, [rel text]
    mov eax, 3
    mov edx, 14
    pcmpestrm xmm1, xmm2, 0x40
    movdqu [rel scratch + 80], xmm0
    pcmpestrm xmm1, [rel text], 0x00
    movdqu [rel scratch + 96], xmm0
    movdqu xmm1, [rel wset]
    mov eax, 2
    mov edx, 8
    pcmpestrm xmm1, [rel wtext], 0x45
    movdqu [rel scratch + 112], xmm0
    pcmpestrm xmm1, [rel wtext], 0x07
    movdqu [rel scratch + 128], xmm0
    mov eax, 5
    mov edx, 9
    pcmpestri xmm1, xmm2, 0x18
%include "epilogue.inc"
section .data
align 16
set:   db "o", 0, "l", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
text:  db "hello", 0, "world", 0, "abcd"
wset:  dw 10, 300, 0xfff0, 5, 0, 0, 0, 0
wtext: dw 5, 0xfff5, 301, 200, 0, 10, 0x8000, 7
