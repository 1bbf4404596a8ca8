; sar: r8 by imm, r16 by cl beyond the width, r32 by imm (zero-extends), ah, memory.
; EXPECT rax=0xffff rdx=0xf0000000 rbx=0xffffffff r9=0x123456789abffff rcx=20
; EXPECT mem[0]=0xfffffff8 mem[8]=0x7f
; EXPECT flags=SF,PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov eax, 0x8080
    sar al, 7
    sar ah, 0x1f
    mov r9, 0x123456789ab8000
    mov ecx, 20
    sar r9w, cl
    mov rbx, 0x1234567880000000
    sar ebx, 31
    mov dword [rel scratch], 0xffffff80
    sar dword [rel scratch], 4
    mov byte [rel scratch + 8], 0x7f
    sar byte [rel scratch + 8], 0        ; count 0: memory unchanged
    mov edx, 0x80000001
    sar edx, 1                           ; 0xc0000000, CF = 1
    sar edx, 2                           ; 0xf0000000, CF = bit 1 of 0xc0000000 = 0
%include "epilogue.inc"
