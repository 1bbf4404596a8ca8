; bsf/bsr with a zero source: ZF = 1 and the destination is left unchanged (all 64
; bits, even for a 32-bit destination).
; EXPECT rax=0xffffffffffffffff rbx=0x123456789abcdef0 rcx=0x5555 rdx=0 flags=ZF
; EXPECT-FLAGS-MASK ZF
%include "prologue.inc"
    mov rax, -1
    bsf eax, edx
    mov rbx, 0x123456789abcdef0
    bsr rbx, rdx
    mov ecx, 0x5555
    bsr cx, [rel scratch]
%include "epilogue.inc"
