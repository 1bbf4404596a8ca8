; bextr with a zero result sets ZF.
; EXPECT rax=0 rbx=0xff00 rcx=0x0800 flags=ZF
; EXPECT-FLAGS-MASK CF,ZF,OF
%include "prologue.inc"
    mov ebx, 0xff00
    mov ecx, 0x0800                    ; 8 bits from bit 0
    bextr eax, ebx, ecx
%include "epilogue.inc"
