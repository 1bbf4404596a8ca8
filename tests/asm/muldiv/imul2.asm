; imul r, r/m (two operands): truncated product; r16 merges, r32 zero-extends.
; EXPECT rax=0xfffffffffffffff4 rbx=3 rcx=0xfffffff6 rdi=0xfffffffe rdx=0x11111111111100c8
; EXPECT mem[0]=10 flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, -4
    mov ebx, 3
    imul rax, rbx                  ; -12
    mov rcx, 0xffffffff00000005
    mov edi, -2
    imul ecx, edi                  ; -10, zero-extended
    mov rdx, 0x1111111111110014
    mov word [rel scratch], 10
    imul dx, [rel scratch]         ; 200
%include "epilogue.inc"
