; bextr dst, src/m, ctl (start = ctl[7:0], length = ctl[15:8]); ZF from the result,
; CF = OF = 0. Lengths and starts past the width are clamped.
; EXPECT rax=0x567 rbx=0x123456789abcdef0 rdx=0x1234 rsi=0 rdi=0x12345678 flags=
; EXPECT-FLAGS-MASK CF,ZF,OF
%include "prologue.inc"
    mov rbx, 0x123456789abcdef0
    mov r8d, 0x0c24                    ; 12 bits from bit 36: 0x567
    bextr rax, rbx, r8
    mov r8d, 0x1030                    ; 16 bits from bit 48: 0x1234
    mov [rel scratch], rbx
    bextr rdx, [rel scratch], r8
    mov r8d, 0xff20                    ; length 255 from bit 32 (32-bit form): 0
    bextr esi, ebx, r8d
    mov r8d, 0x4020                    ; 64 bits from 32: the high half
    bextr rdi, rbx, r8
    mov r8d, 0
%include "epilogue.inc"
