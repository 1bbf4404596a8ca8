; add 8-bit, case neg_ovf: a=0x80 b=0x80, flags before=0x0, form mi
; add byte [scratch], 0x80
; EXPECT rax=0xa5a5a5a5a5a5a580
; EXPECT mem[0]=0xa5a5a5a5a5a5a500
; EXPECT flags=CF,PF,ZF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a5a580
    mov [scratch], rax
    add byte [scratch], 0x80
%include "epilogue.inc"
