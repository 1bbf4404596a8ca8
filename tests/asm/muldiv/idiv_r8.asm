; idiv r8: signed; the remainder takes the dividend's sign. -100 / 7 = -14 rem -2.
; EXPECT rax=0xfef2 rbx=7 flags=ZF
%include "prologue.inc"
    mov eax, 0xff9c                ; ax = -100
    mov ebx, 7
    idiv bl
    popcnt r15, r15
%include "epilogue.inc"
