; lahf: ah <- SF:ZF:0:AF:0:PF:1:CF (bit 1 reads as 1), the rest of rax kept.
; sahf: SF ZF AF PF CF <- ah; OF is not touched.
; EXPECT rax=0x11111111111102ff rbx=0x111111111111d7ff rcx=0x111111111111d7ff
; EXPECT flags=SF,ZF,AF,PF,CF,OF
%include "prologue.inc"
    mov rax, 0x11111111111111ff
    push 0
    popfq
    lahf                            ; ah = 0x02
    mov rdx, rax
    mov rax, 0x1111111111111fff
    push 0x8d5
    popfq
    lahf                            ; ah = 0xd7
    mov rbx, rax
    mov rax, 0x111111111111d7ff
    push 0x800                      ; OF only
    popfq
    sahf                            ; all five from ah, OF kept
    lahf
    mov rcx, rax
    mov rax, rdx
    mov rdx, 0
%include "epilogue.inc"
