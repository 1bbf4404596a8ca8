; popcnt of zero: ZF = 1, every other status flag cleared (set first by shl).
; EXPECT rax=0 rbx=0 flags=ZF
%include "prologue.inc"
    mov eax, 0x80000000
    shl eax, 1             ; CF, ZF, PF, OF (AF undefined)
    popcnt rbx, [rel scratch]
%include "epilogue.inc"
