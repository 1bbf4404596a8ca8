; The legacy high-byte registers ah/bh/ch/dh: as sources and destinations, to and from
; low bytes; only bits 8..15 of the destination change.
; EXPECT rax=0x1111111111118811 rbx=0x2222222222222222
; EXPECT rcx=0x3333333333332233 rdx=0x4444444444444444
; EXPECT rsi=0x1111111111118888
; EXPECT mem[0]=0x2233 mem[8]=0x88
%include "prologue.inc"
    mov rax, 0x1111111111111111
    mov rbx, 0x2222222222222222
    mov rcx, 0x3333333333333333
    mov rdx, 0x4444444444444444
    mov ah, 0x88            ; imm8 to ah
    mov ch, bh              ; high to high
    mov dh, dl              ; high from low, same register
    mov byte [scratch], cl
    mov byte [scratch + 1], ch ; high byte to memory
    mov byte [scratch + 8], 0x88
    mov al, [scratch + 8]
    mov rsi, rax
    mov al, 0x11
%include "epilogue.inc"
