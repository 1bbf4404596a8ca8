; cmpxchg16b success: rdx:rax equals the 16 aligned bytes, which become rcx:rbx; ZF=1,
; other flags unchanged; rdx:rax unchanged.
; EXPECT mem[0]=0x3333333333333333 mem[8]=0x4444444444444444
; EXPECT rax=0x1111111111111111 rdx=0x2222222222222222 rbx=0x3333333333333333 rcx=0x4444444444444444
; EXPECT flags=CF,ZF,OF
%include "prologue.inc"
    mov rax, 0x1111111111111111
    mov rdx, 0x2222222222222222
    mov [scratch], rax
    mov [scratch + 8], rdx
    mov rbx, 0x3333333333333333
    mov rcx, 0x4444444444444444
    push 0x801
    popfq
    lock cmpxchg16b [scratch]
%include "epilogue.inc"
