; or 64-bit, case sign: a=0xffffffffffffffff b=0x8000000000000000, flags before=0x8d5, form rm
; or rbx, qword [scratch + 8]
; EXPECT rax=0x8000000000000000 mem[8]=0x8000000000000000
; EXPECT rbx=0xffffffffffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbx, 0xffffffffffffffff
    mov rax, 0x8000000000000000
    mov [scratch + 8], rax
    push 0x8d5
    popfq
    or rbx, qword [scratch + 8]
%include "epilogue.inc"
