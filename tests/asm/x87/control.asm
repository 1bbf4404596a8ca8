; fldcw precision and rounding control, fnstcw, frndint/fistp under every rounding mode.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x00000f7f037f037f mem[16]=0xaaaaab0000000000 mem[24]=0x0000000000003ffd mem[32]=0xaaaaaaaaaaaaa800
; EXPECT mem[40]=0x0000000000003ffd mem[48]=0xaaaaaaaaaaaaaaab mem[56]=0x0000000000003ffd mem[64]=0xaaaaaaaaaaaaaaaa
; EXPECT mem[72]=0x0000000000003ffd mem[80]=0xaaaaaaaaaaaaaaab mem[88]=0x0000000000003ffd mem[96]=0x0002000300020002
; EXPECT mem[104]=0xfffefffefffdfffe
%include "prologue.inc"
section .data
align 8
d1:   dq 1.0
d3:   dq 3.0
d25:  dq 2.5
dm25: dq -2.5
section .text
    fnstcw [scratch]                ; 0x037f
%macro DIV3 1
    mov word [scratch + 2], %1
    fldcw [scratch + 2]
    fld qword [d1]
    fdiv qword [d3]
%endmacro
    DIV3 0x007f                     ; 24-bit precision
    fstp tword [scratch + 16]
    DIV3 0x027f                     ; 53-bit precision
    fstp tword [scratch + 32]
    DIV3 0x037f                     ; 64-bit
    fstp tword [scratch + 48]
    DIV3 0x0f7f                     ; 64-bit, toward zero
    fstp tword [scratch + 64]
    DIV3 0x0b7f                     ; up
    fstp tword [scratch + 80]
%macro RND 2
    mov word [scratch + 2], %1
    fldcw [scratch + 2]
    fld qword [%2]
    frndint
    fistp word [scratch + %1 / 0x400 * 2 + 96 + (%2 - d25) ]
%endmacro
    RND 0x037f, d25
    RND 0x077f, d25
    RND 0x0b7f, d25
    RND 0x0f7f, d25
    RND 0x037f, dm25
    RND 0x077f, dm25
    RND 0x0b7f, dm25
    RND 0x0f7f, dm25
    fnstcw [scratch + 4]
    mov word [scratch + 2], 0x037f
    fldcw [scratch + 2]
    xor eax, eax
%include "epilogue.inc"
