; shld by 1: OF = sign change.
; EXPECT rax=0x80000001 rbx=0x80000000 flags=OF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov eax, 0x40000000
    mov ebx, 0x80000000
    shld eax, ebx, 1
%include "epilogue.inc"
