; rcl rotates through CF. CF is set to 1 first with bt.
; EXPECT rax=0x01 rbx=0x1 rdx=0x2468acf1 rsi=0x8000 rdi=0x0 rcx=1
; EXPECT mem[0]=0x3
; EXPECT flags=CF,OF
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov ebx, 1
    bt ebx, 0              ; CF = 1
    mov eax, 0x80
    rcl al, 1              ; al = 0x01 (old CF), CF = 1
    mov rdx, 0xffffffff12345678
    rcl edx, 1             ; 0x2468acf1 (zero-extended), CF = 0
    mov esi, 0x8000
    rcl si, 17             ; 16-bit: count mod 17 = 0, value unchanged
    mov byte [rel scratch], 0x81
    mov ecx, 1
    rcl byte [rel scratch], cl   ; 0x02 | CF(0) = 0x02, CF = 1
    rcl byte [rel scratch], cl   ; (0x02 << 1) | 1 = 0x05, CF = 0
    mov byte [rel scratch], 0x01
    mov edi, 0x80
    rcl dil, cl                  ; 0x00 | CF(0) = 0, CF = 1
    rcl byte [rel scratch], 1    ; 0x02 | 1 = 0x03, CF = 0, OF = 0 xor 0
    mov edi, 0
    mov eax, 0x80
    rcl al, 1                    ; al = 0 | CF(0) = 0x00, CF = 1, OF = 0 xor 1 = 1
    mov eax, 1             ; (the flags of the last rcl are what is checked)
%include "epilogue.inc"
