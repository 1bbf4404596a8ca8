; add 16-bit, case af: a=0xf b=0x1, flags before=0x0, form mi
; add word [scratch], 0x1
; EXPECT rax=0xa5a5a5a5a5a5000f
; EXPECT mem[0]=0xa5a5a5a5a5a50010
; EXPECT flags=AF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5000f
    mov [scratch], rax
    add word [scratch], 0x1
%include "epilogue.inc"
