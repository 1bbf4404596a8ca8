; sbb 16-bit, case small: a=0x5 b=0x3, flags before=0x0, form mr
; sbb word [scratch], r10w
; EXPECT rax=0xa5a5a5a5a5a50005
; EXPECT r10=0x5a5a5a5a5a5a0003
; EXPECT mem[0]=0xa5a5a5a5a5a50002
; EXPECT flags=
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a50005
    mov [scratch], rax
    mov r10, 0x5a5a5a5a5a5a0003
    sbb word [scratch], r10w
%include "epilogue.inc"
