; test 32-bit, case all_ones: a=0xffffffff b=0xffffffff, flags before=0x0, form mr
; test dword [scratch], edi
; EXPECT rax=0xa5a5a5a5ffffffff
; EXPECT rdi=0x5a5a5a5affffffff
; EXPECT mem[0]=0xa5a5a5a5ffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5ffffffff
    mov [scratch], rax
    mov rdi, 0x5a5a5a5affffffff
    test dword [scratch], edi
%include "epilogue.inc"
