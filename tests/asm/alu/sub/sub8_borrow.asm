; sub 8-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form rm
; sub bl, byte [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a5a01 mem[8]=0x5a5a5a5a5a5a5a01
; EXPECT rbx=0xa5a5a5a5a5a5a5ff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rbx, 0xa5a5a5a5a5a5a500
    mov rax, 0x5a5a5a5a5a5a5a01
    mov [scratch + 8], rax
    sub bl, byte [scratch + 8]
%include "epilogue.inc"
