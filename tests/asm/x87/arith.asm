; fadd/fsub/fsubr/fmul/fdiv/fdivr in m32, m64, st0-st(i), st(i)-st0 and popping forms;
; fiadd..fidivr m16/m32. Operands are chosen so that reversed forms give different results.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xaaaaaaaaaaaaaaab mem[8]=0x0000000000003ffd mem[16]=0x8e8ba2e8ba2e8ba3 mem[24]=0x0000000000004001
; EXPECT mem[32]=0xcb04efc794cdeda9 mem[40]=0x0000000000004004 mem[48]=0xec10c9714fbcda3b mem[56]=0x0000000000004003
; EXPECT mem[64]=0x8a512d1f84a5fb02 mem[72]=0x000000000000bffd mem[80]=0xb504f333f9de6484 mem[88]=0x0000000000003fff
; EXPECT mem[96]=0xc000000000000000 mem[104]=0x000000000000c000 mem[128]=0x0000000000000020
%include "prologue.inc"
section .data
align 8
d3:  dq 3.0
f7:  dd 7.0
i5:  dd 5
w11: dw 11
section .text
    fld qword [d3]          ; 3
    fadd dword [f7]         ; 10
    fsub qword [d3]         ; 7
    fsubr dword [f7]        ; 0
    fadd qword [d3]         ; 3
    fmul dword [f7]         ; 21
    fdiv qword [d3]         ; 7
    fdivr dword [f7]        ; 1
    fdiv qword [d3]         ; 1/3
    fstp tword [scratch]
    fld dword [f7]          ; st1 = 7
    fld qword [d3]          ; st0 = 3
    fsub st0, st1           ; -4
    fsubr st0, st1          ; 11
    fdiv st0, st1           ; 11/7
    fdivr st0, st1          ; 49/11
    fld st0
    fstp tword [scratch + 16]
    fsub st1, st0           ; st1 = 7 - 49/11
    fsubr st1, st0          ; st1 = 49/11 - st1
    fdiv st1, st0
    fdivr st1, st0
    fmul st1, st0
    fadd st1, st0
    fxch
    fstp tword [scratch + 32]
    fld qword [d3]          ; st0 = 3, st1 = 49/11
    fsubp st1, st0          ; 49/11 - 3
    fld dword [f7]
    fsubrp st1, st0         ; 7 - x
    fld dword [f7]
    fdivp st1, st0
    fld dword [f7]
    fdivrp st1, st0
    fld qword [d3]
    fmulp st1, st0
    fld qword [d3]
    faddp st1, st0
    fld st0
    fstp tword [scratch + 48]
    fiadd dword [i5]
    fisub word [w11]
    fisubr dword [i5]
    fimul word [w11]
    fidiv dword [i5]
    fidivr word [w11]
    fstp tword [scratch + 64]
    fld1
    fld1
    fadd st0, st0           ; 2
    fsqrt
    fstp tword [scratch + 80]
    fld qword [d3]
    fabs
    fchs
    fabs
    fchs
    fstp tword [scratch + 96]
    fstp st0
    fnstsw ax               ; empty stack, TOP = 0
    mov [scratch + 128], ax
    xor eax, eax
%include "epilogue.inc"
