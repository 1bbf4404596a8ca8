; shl r32, imm8 zero-extends into the 64-bit register. OF is undefined for count > 1.
; EXPECT rbx=0x30 flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rbx, 0xffffffff00000003
    shl ebx, 4
%include "epilogue.inc"
