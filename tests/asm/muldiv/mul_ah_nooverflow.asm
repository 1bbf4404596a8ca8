; mul ah (the source is the high half of the accumulator itself); result fits in al.
; EXPECT rax=0x0000000000000030 flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov eax, 0x0310
    mul ah
%include "epilogue.inc"
