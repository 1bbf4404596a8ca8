; add 32-bit, case af: a=0xf b=0x1, flags before=0x0, form rr
; add ebp, edi
; EXPECT rdi=0x5a5a5a5a00000001
; EXPECT rbp=0x10
; EXPECT flags=AF
%include "prologue.inc"
    mov rbp, 0xa5a5a5a50000000f
    mov rdi, 0x5a5a5a5a00000001
    add ebp, edi
%include "epilogue.inc"
