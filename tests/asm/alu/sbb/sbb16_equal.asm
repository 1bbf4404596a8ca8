; sbb 16-bit, case equal: a=0x42 b=0x42, flags before=0x8d5, form rm
; sbb r8w, word [scratch + 8]
; EXPECT rax=0x5a5a5a5a5a5a0042 mem[8]=0x5a5a5a5a5a5a0042
; EXPECT r8=0xa5a5a5a5a5a5ffff
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov r8, 0xa5a5a5a5a5a50042
    mov rax, 0x5a5a5a5a5a5a0042
    mov [scratch + 8], rax
    push 0x8d5
    popfq
    sbb r8w, word [scratch + 8]
%include "epilogue.inc"
