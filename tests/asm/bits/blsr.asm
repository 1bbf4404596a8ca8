; blsr: clear the lowest set bit. CF = (source == 0), ZF/SF from the result, OF = 0.
; EXPECT rax=0xffe0 rbx=0 rcx=0xfff0 rdx=0x8000000000000000 flags=ZF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov ecx, 0xfff0
    blsr eax, ecx
    mov rdx, 0x8000000000000000
    mov [rel scratch], rdx
    blsr rbx, [rel scratch]
%include "epilogue.inc"
