; xadd: dest <- dest + src, src <- old dest, flags as for add. Register forms at 64/8 bits
; (8-bit with ah), memory forms at 16 and 32 bits, locked; the last one sets CF,PF,AF,ZF.
; EXPECT rax=0x1111111111113011 rbx=0x1111111111111010 rcx=0x30 rdx=0x10
; EXPECT rsi=0x5555555555557fff r8=0xffffffff
; EXPECT mem[0]=0x8000 mem[8]=0x0
; EXPECT flags=CF,PF,AF,ZF
%include "prologue.inc"
    mov rcx, 0x10
    mov rdx, 0x20
    xadd rcx, rdx                   ; rcx=0x30 rdx=0x10
    mov rax, 0x1111111111111011
    mov rbx, 0x1111111111111020
    xadd ah, bl                     ; ah=0x30, bl=0x10
    mov rsi, 0x5555555555550001
    mov word [scratch], 0x7fff
    lock xadd [scratch], si          ; mem=0x8000 si=0x7fff
    mov r8, 0x12345678ffffffff
    mov dword [scratch + 8], 1
    xchg r8d, [scratch + 8]
    mov r8, 0x1234567800000001
    mov dword [scratch + 8], 0xffffffff
    lock xadd [scratch + 8], r8d     ; mem=0 r8=0xffffffff (zero-extended)
%include "epilogue.inc"
