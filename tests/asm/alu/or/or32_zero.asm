; or 32-bit, case zero: a=0xf0 b=0xf, flags before=0x0, form mi
; or dword [scratch], 0xf
; EXPECT rax=0xa5a5a5a5000000f0
; EXPECT mem[0]=0xa5a5a5a5000000ff
; EXPECT flags=PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5000000f0
    mov [scratch], rax
    or dword [scratch], 0xf
%include "epilogue.inc"
