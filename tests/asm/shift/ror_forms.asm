; ror: r16 by 1, r32 by imm (zero-extends), r64 by cl, ah, memory word/dword.
; EXPECT rax=0xf00 rbx=0x81234567 rdx=0xbcdef0123456789a rsi=0x4000 rcx=8
; EXPECT mem[0]=0x1234000080000000
; EXPECT flags=
; (the last rotate, 0x3412 by 8, leaves CF = MSB(0x1234) = 0)
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,AF
%include "prologue.inc"
    mov eax, 0x0f000
    ror ah, 4
    mov rbx, 0xffffffff12345678
    ror ebx, 4
    mov rdx, 0xdef0123456789abc
    mov ecx, 8
    ror rdx, cl
    mov esi, 0x8000
    ror si, 1
    mov dword [rel scratch], 1
    ror dword [rel scratch], 1
    mov word [rel scratch + 6], 0x3412
    ror word [rel scratch + 6], cl
%include "epilogue.inc"
