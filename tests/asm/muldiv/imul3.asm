; imul r, r/m, imm (three operands): imm8 and imm32 sign-extended, memory source.
; EXPECT rax=0xfffffffffffffff1 rbx=5 rcx=0x1388 rdx=0x7fff r8=0xfffffe0c
; EXPECT mem[0]=0x2
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov ebx, 5
    imul rax, rbx, -3                   ; imm8
    mov qword [rel scratch], 2
    imul r8d, [rel scratch], -250       ; imm32 (does not fit imm8)
    imul ecx, ebx, 1000
    mov edx, 1
    imul dx, dx, 0x7fff                 ; imm16
%include "epilogue.inc"
