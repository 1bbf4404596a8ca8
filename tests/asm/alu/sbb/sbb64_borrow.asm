; sbb 64-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form rm
; sbb rbx, qword [scratch + 8]
; EXPECT rax=0x1 mem[8]=0x1
; EXPECT rbx=0xffffffffffffffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rbx, 0x0
    mov rax, 0x1
    mov [scratch + 8], rax
    sbb rbx, qword [scratch + 8]
%include "epilogue.inc"
