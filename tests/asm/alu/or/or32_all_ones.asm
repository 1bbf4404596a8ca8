; or 32-bit, case all_ones: a=0xffffffff b=0xffffffff, flags before=0x0, form rr
; or ebp, edi
; EXPECT rdi=0x5a5a5a5affffffff
; EXPECT rbp=0xffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbp, 0xa5a5a5a5ffffffff
    mov rdi, 0x5a5a5a5affffffff
    or ebp, edi
%include "epilogue.inc"
