; rcr rotates right through CF; OF (count 1) = MSB(dest) xor CF before the rotate.
; EXPECT rax=0x80 rbx=1 rdx=0x091a2b3c rsi=0x1 rcx=9
; EXPECT mem[0]=0x4000000000000000
; EXPECT flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov ebx, 1
    bt ebx, 0              ; CF = 1
    mov eax, 0x00
    rcr al, 1              ; 0x80, CF = 0
    mov rdx, 0xffffffff12345678
    rcr edx, 1             ; 0x091a2b3c, CF = 0
    mov esi, 1
    mov ecx, 9
    rcr sil, cl            ; 8-bit: count mod 9 = 0: unchanged, CF stays 0
    mov qword [rel scratch], 0x1
    rcr qword [rel scratch], 1   ; 0 with CF(0) at the top, CF = 1
    rcr qword [rel scratch], 1   ; 0x8000000000000000 (old CF), CF = 0
    rcr qword [rel scratch], 1   ; 0x4000000000000000, CF = 0, OF = 0 xor 0
    mov edx, 0x091a2b3c
    mov edi, 0x80
    rcr dil, 1             ; 0x40, CF = 0, OF = 1 xor 0 = 1
    bt ebx, 0              ; CF = 1
    mov edi, 0x01
    rcr dil, 1             ; 0x80 (CF in), CF = 1, OF = MSB(0x01)=0 xor CF(1) = 1
    mov edi, 0
%include "epilogue.inc"
