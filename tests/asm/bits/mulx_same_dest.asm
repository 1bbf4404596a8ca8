; mulx with hi and lo the same register: the high half wins.
; EXPECT rax=0x1 rdx=0x100000000 rcx=0x100000000 flags=
%include "prologue.inc"
    mov rdx, 0x100000000
    mov rcx, 0x100000000
    mulx rax, rax, rcx
%include "epilogue.inc"
