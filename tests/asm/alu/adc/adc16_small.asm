; adc 16-bit, case small: a=0x1 b=0x2, flags before=0x0, form mr
; adc word [scratch], r10w
; EXPECT rax=0xa5a5a5a5a5a50001
; EXPECT r10=0x5a5a5a5a5a5a0002
; EXPECT mem[0]=0xa5a5a5a5a5a50003
; EXPECT flags=PF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50001
    mov [scratch], rax
    mov r10, 0x5a5a5a5a5a5a0002
    adc word [scratch], r10w
%include "epilogue.inc"
