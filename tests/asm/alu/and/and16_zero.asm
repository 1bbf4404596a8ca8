; and 16-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form rm
; and r8w, word [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a000f mem[8]=0x5a5a5a5a5a5a000f
; EXPECT r8=0xa5a5a5a5a5a50000
; EXPECT flags=PF,ZF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r8, 0xa5a5a5a5a5a500f0
    mov rax, 0x5a5a5a5a5a5a000f
    mov [scratch + 8], rax
    and r8w, word [scratch + 8]
%include "epilogue.inc"
