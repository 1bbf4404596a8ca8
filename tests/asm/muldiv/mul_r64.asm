; mul r64: rdx:rax = rax * src.
; EXPECT rax=1 rdx=0xfffffffffffffffe rbx=0xffffffffffffffff flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, -1
    mov rbx, -1
    mul rbx
%include "epilogue.inc"
