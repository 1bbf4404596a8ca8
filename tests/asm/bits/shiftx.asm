; sarx/shlx/shrx dst, src/m, count: count masked to 5 (32-bit) or 6 (64-bit) bits;
; flags untouched (the ZF from popcnt survives).
; EXPECT rax=0xfffffffffffffff0 rbx=0xfffffff0 rcx=0x0fffffff rdx=0xfffffffffffffff8 flags=ZF
; EXPECT rsi=0x44 r8=0x3c r9=0x24
%include "prologue.inc"
    popcnt r15, r15
    mov rsi, 0x44                      ; 68 & 63 = 4
    mov r8d, 0x3c                      ; 60
    mov r9d, 0x24                      ; 36 & 31 = 4
    mov rax, -1
    shlx rax, rax, rsi
    mov ebx, 0xffffffff
    shlx ebx, ebx, r9d
    mov ecx, 0xffffffff
    shrx ecx, ecx, esi                 ; 68 & 31 = 4
    mov rdx, 0x8000000000000000
    mov [rel scratch], rdx
    sarx rdx, [rel scratch], r8
%include "epilogue.inc"
