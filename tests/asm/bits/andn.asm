; andn dst, src1, src2/m: dst = ~src1 & src2. SF, ZF from the result; CF = OF = 0.
; EXPECT rax=0xf0f0f0f0f0f0f0f0 rbx=0x0f0f0f0f0f0f0f0f rcx=0xffffffffffffffff rdx=0x00f000f0 flags=SF
; EXPECT-FLAGS-MASK CF,ZF,SF,OF
%include "prologue.inc"
    mov rbx, 0x0f0f0f0f0f0f0f0f
    mov rcx, -1
    mov dword [rel scratch], 0x0ff00ff0
    andn edx, ebx, [rel scratch]      ; ~0x0f0f0f0f & 0x0ff00ff0 = 0x00f000f0
    andn rax, rbx, rcx
%include "epilogue.inc"
