; ror r8, 1: CF = MSB(result), OF = MSB(result) xor bit (w-2) of the result.
; EXPECT rax=0x80 flags=CF,OF
%include "prologue.inc"
    mov eax, 0x01
    ror al, 1
%include "epilogue.inc"
