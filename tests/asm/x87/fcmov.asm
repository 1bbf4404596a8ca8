; fcmovcc reads the guest flags: each condition taken and not taken.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x0000000100000001 mem[8]=0x0000000100000001 mem[16]=0x0000000100000001 mem[24]=0x0001000000010000
%include "prologue.inc"
%macro CASE 3            ; cmp operands, fcmov mnemonic -> one word: the moved value
    fldz
    fld1
    fxch                 ; st0 = 0, st1 = 1
    mov eax, %1
    cmp eax, %2
    %3 st0, st1          ; st0 = 1 if the condition holds
    fistp word [scratch + n]
    fstp st0
%assign n n+2
%endmacro
%assign n 0
    CASE 1, 2, fcmovb
    CASE 2, 1, fcmovb
    CASE 2, 1, fcmovnb
    CASE 1, 2, fcmovnb
    CASE 1, 1, fcmove
    CASE 1, 2, fcmove
    CASE 1, 2, fcmovne
    CASE 1, 1, fcmovne
    CASE 1, 1, fcmovbe
    CASE 2, 1, fcmovbe
    CASE 2, 1, fcmovnbe
    CASE 1, 1, fcmovnbe
    CASE 0, 3, fcmovu    ; 0 - 3 = ...fd: 7 bits set, PF clear
    CASE 0, 4, fcmovu    ; ...fc: 6 bits set, PF set
    CASE 0, 4, fcmovnu
    CASE 0, 3, fcmovnu
    xor eax, eax
%include "epilogue.inc"
