; imul r8 (one operand): ax = al * src, signed. -2 * 3 = -6 fits in al: CF = OF = 0.
; EXPECT rax=0xfffa rbx=3 flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov eax, 0xfe
    mov ebx, 3
    imul bl
%include "epilogue.inc"
