; bzhi with index 0: result 0, ZF = 1, CF = 0; the 32-bit form zero-extends.
; EXPECT rax=0 rbx=0xffffffff flags=ZF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov rax, -1
    mov ebx, 0xffffffff
    bzhi eax, ebx, ecx
%include "epilogue.inc"
