; A zero count leaves every flag alone, but a 32-bit destination is still written
; (zero-extended), as hardware does. Flags are set first by shl eax, 1.
; EXPECT rax=0 rbx=5 rdx=0xffffffff rsi=0xffffffffffffffff flags=CF,PF,ZF,OF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov eax, 0x80000000
    shl eax, 1            ; 0: CF=1 ZF=1 PF=1 OF=1
    mov ebx, 5
    mov ecx, 0
    shl rbx, cl
    mov rdx, -1
    shl edx, cl
    mov rsi, -1
    shl rsi, 64           ; count masked to 0
    shl si, 32            ; count masked to 0
    shl byte [rel scratch], 0
%include "epilogue.inc"
