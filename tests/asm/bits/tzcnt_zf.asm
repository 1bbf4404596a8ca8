; tzcnt with bit 0 set: result 0 -> ZF = 1, CF = 0.
; EXPECT rbx=0 rax=0xffff flags=ZF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov eax, 0xffff
    tzcnt bx, ax
%include "epilogue.inc"
