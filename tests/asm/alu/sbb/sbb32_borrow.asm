; sbb 32-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form lock_mr
; lock sbb dword [scratch], ecx
; EXPECT rax=0xa5a5a5a500000000
; EXPECT rcx=0x5a5a5a5a00000001
; EXPECT mem[0]=0xa5a5a5a5ffffffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, 0xa5a5a5a500000000
    mov [scratch], rax
    mov rcx, 0x5a5a5a5a00000001
    lock sbb dword [scratch], ecx
%include "epilogue.inc"
