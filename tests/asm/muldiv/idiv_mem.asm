; idiv with a memory divisor: -7 / 2 = -3 rem -1 (truncation toward zero).
; EXPECT rax=0xfffffffffffffffd rdx=0xffffffffffffffff mem[0]=2 flags=ZF
%include "prologue.inc"
    mov qword [rel scratch], 2
    mov rax, -7
    mov rdx, -1
    idiv qword [rel scratch]
    popcnt r15, r15
%include "epilogue.inc"
