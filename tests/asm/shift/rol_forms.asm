; rol: r16 by imm, r32 by cl (zero-extends), r64 by imm, ah, memory byte/qword, and a
; count that is a multiple of the width (rotates nothing, still sets CF from the LSB).
; EXPECT rax=0x1234d0f0 rbx=0x0000000023456781 rdx=0x3456789abcdef012 rsi=0x8001
; EXPECT mem[0]=0x456789abcdef0123 mem[8]=0x0f
; EXPECT rcx=4
%include "prologue.inc"
    mov eax, 0x12340df0
    rol ah, 4
    mov rbx, 0xffffffff12345678
    mov ecx, 4
    rol ebx, cl
    mov rdx, 0x123456789abcdef0
    rol rdx, 8
    mov [rel scratch], rdx
    rol qword [rel scratch], cl
    mov byte [rel scratch + 8], 0xf0
    rol byte [rel scratch + 8], cl
    mov esi, 0x0180
    rol si, 8
    rol sil, 16            ; 8-bit rotate by 16: value unchanged, CF = LSB = 1
    rol rsi, 64            ; count masked to 0: flags unchanged
%include "epilogue.inc"
; flags: after rol sil, 16 CF = 1; OF undefined for count != 1.
; EXPECT flags=CF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,AF
