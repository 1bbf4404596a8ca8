; blsi: isolate the lowest set bit. CF = (source != 0), ZF/SF from the result, OF = 0.
; EXPECT rax=0x10 rbx=0x8000000000000000 rcx=0xfff0 rdx=0x8000000000000000 flags=CF,SF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov ecx, 0xfff0
    blsi eax, ecx
    mov rdx, 0x8000000000000000
    mov [rel scratch], rdx
    blsi rbx, [rel scratch]
%include "epilogue.inc"
