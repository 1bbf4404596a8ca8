; pcmpistri/pcmpistrm: equal-any, ranges, equal-each, equal-ordered; ecx, xmm0 and the
; CF/ZF/SF/OF flags (recorded with setcc into registers; the last one stays in RFLAGS).
; EXPECT rax=0x4 rcx=0x4 rbx=0x8 rsi=0x10
; EXPECT rdi=0x7 r8=0x1 r9=0x1 r10=0x1
; EXPECT r13=0x1 r14=0xc flags=CF,ZF,SF mem[0]=0x000000ff00000000
; EXPECT mem[8]=0x00000000000000ff mem[16]=0x0000000000000110
%include "prologue.inc"
    movdqu xmm1, [rel set]
    movdqu xmm2, [rel text]
    pcmpistri xmm1, xmm2, 0x00              ; equal any, ub, lsb
    mov eax, ecx
    setc r8b
    setz r9b
    sets r10b
    seto r11b
    pcmpistri xmm1, xmm2, 0x40              ; msb index
    mov ebx, ecx
    movdqu xmm3, [rel range]
    pcmpistri xmm3, xmm2, 0x04              ; ranges a..z
    mov edx, ecx
    pcmpistri xmm2, xmm2, 0x18              ; equal each, negative polarity
    mov esi, ecx
    setc r12b
    movdqu xmm4, [rel needle]
    pcmpistri xmm4, xmm2, 0x0c              ; equal ordered (substring)
    mov edi, ecx
    setc r13b
    pcmpistrm xmm1, xmm2, 0x40              ; byte mask into xmm0
    movdqu [rel scratch + 0], xmm0
    pcmpistrm xmm1, [rel text], 0x00        ; bit mask
    movdqu [rel scratch + 16], xmm0
    pxor xmm5, xmm5
    pcmpistri xmm5, xmm2, 0x08              ; equal each vs empty string
    mov r14d, ecx
    movdqu xmm6, [rel wtext]
    pcmpistri xmm6, xmm6, 0x01              ; words
    mov r15d, ecx
    pcmpistri xmm1, xmm2, 0x00
%include "epilogue.inc"
section .data
align 16
set:    db "xo", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
text:   db "hello, world", 0, "abc"
range:  db "az", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
needle: db "wor", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
wtext:  dw 1, 2, 3, 0, 5, 6, 7, 8
