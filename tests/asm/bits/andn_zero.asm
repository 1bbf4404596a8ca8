; andn giving zero: ZF = 1; the 32-bit form zero-extends.
; EXPECT rax=0 rbx=0xffffffff rcx=0x12345678 flags=ZF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov rax, -1
    mov ebx, 0xffffffff
    mov ecx, 0x12345678
    andn eax, ebx, ecx
%include "epilogue.inc"
