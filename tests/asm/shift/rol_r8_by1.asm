; rol r8, 1: CF = LSB(result), OF = MSB(result) xor CF.
; EXPECT rax=0x03 flags=CF,OF
%include "prologue.inc"
    mov eax, 0x81
    rol al, 1
%include "epilogue.inc"
