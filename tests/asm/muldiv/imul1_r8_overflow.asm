; imul r8: 0x40 * 2 = 128 does not fit a signed byte: CF = OF = 1, ah = 0.
; EXPECT rax=0x0080 rcx=0x0200 flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov eax, 0x40
    mov ecx, 0x0200
    imul ch
%include "epilogue.inc"
