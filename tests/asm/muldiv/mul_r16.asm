; mul r16: dx:ax = ax * src, upper bits of rax and rdx kept.
; EXPECT rax=0x1111111111110001 rdx=0x222222222222fffe rcx=0xffff flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0x111111111111ffff
    mov rdx, 0x2222222222222222
    mov ecx, 0xffff
    mul cx
%include "epilogue.inc"
