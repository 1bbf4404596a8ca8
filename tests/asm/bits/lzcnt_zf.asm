; lzcnt with the top bit set: result 0 -> ZF = 1, CF = 0.
; EXPECT rbx=0 rax=0x80000000 flags=ZF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov eax, 0x80000000
    lzcnt ebx, eax
%include "epilogue.inc"
