; shrd dst, src, imm8/cl: 32-bit (zero-extends), 64-bit, 16-bit, memory destination.
; EXPECT rax=0xf0123456 rbx=0xffffffff9abcdef0 rdx=0xf123456789abcdef rsi=0x111111111111ef01
; EXPECT rcx=4 mem[0]=0x00000000000f0123
; EXPECT flags=CF,PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov rax, 0xffffffff12345678
    mov rbx, 0xffffffff9abcdef0
    shrd eax, ebx, 8
    mov rdx, 0x123456789abcdef0
    mov rdi, 0x0123456789abcdef
    mov ecx, 4
    shrd rdx, rdi, cl
    mov rsi, 0x1111111111110123
    shrd si, dx, 8
    mov dword [rel scratch], 0x00123456
    shrd dword [rel scratch], ebx, 8      ; 0xf0001234
    mov dword [rel scratch], 0x00123456
    shrd dword [rel scratch], edi, cl     ; (0x...ef << 28) | 0x00012345
    mov dword [rel scratch], 0x000f0123
    mov edi, 0x00000003
    mov ebp, 0
    shrd edi, ebp, 2                      ; 0, CF = bit 1 = 1, ZF, PF
    mov edi, 0x00000101
    shrd edi, ebp, 1                      ; 0x80, CF = 1, PF: 0x80 odd -> 0
    mov edi, 0x00000303
    shrd edi, ebp, 1                      ; 0x181, CF = 1, PF: 0x81 even -> 1
    mov edi, 0
%include "epilogue.inc"
