; shr: r32 by imm, r16 by cl, ah by imm, r8 by 1, memory byte/word/dword/qword.
; EXPECT rbx=1 rdx=0x5555555555550001 rax=0x70f00 rdi=0x40 rcx=15
; EXPECT mem[0]=0x0123456789abcdef mem[8]=0x0000000040004000
; EXPECT flags=CF,ZF,PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rbx, 0xffffffff80000000
    shr ebx, 31
    mov rdx, 0x5555555555558000
    mov ecx, 15
    shr dx, cl
    mov eax, 0x7f000
    shr ah, 4
    mov edi, 0x80
    shr dil, 1
    mov rsi, 0x123456789abcdef0
    mov [rel scratch], rsi
    shr qword [rel scratch], 4
    mov dword [rel scratch + 8], 0x80008000
    shr word [rel scratch + 8], 1
    shr word [rel scratch + 10], cl      ; 0x8000 >> 15 = 1
    shr byte [rel scratch + 10], 1       ; 1 >> 1 = 0, CF = 1
    mov word [rel scratch + 10], 0x4000
    mov esi, 0
%include "epilogue.inc"
