; pcmpistrm/pcmpestrm with xmm0 as the first operand as well as the implicit mask
; destination, in a loop so the native tier translates it: the mask must replace xmm0
; (the native tier once left xmm0's old value, running the host instruction on a copy of
; xmm0 in another host register and taking that register as the result).
; EXPECT rdx=0x0 flags=PF,ZF mem[0]=0xffffffffff000000 mem[8]=0xffffffffffffffff
; EXPECT mem[16]=0x0000000000ff0000 mem[24]=0xffffffffffffff00
%include "prologue.inc"
    mov edx, 3
.again:
    movdqa xmm0, [rel sdata]
    pcmpistrm xmm0, [rel sdata + 16], 0x50   ; equal any, negated, byte mask
    movdqa xmm5, xmm0
    movdqa xmm0, [rel sdata]
    movdqa xmm1, [rel sdata + 16]
    mov eax, 7
    push rdx
    mov edx, 9
    pcmpestrm xmm0, xmm1, 0x48               ; equal each, byte mask
    pop rdx
    movdqa xmm6, xmm0
    dec edx
    jnz .again
    movdqu [rel scratch], xmm5
    movdqu [rel scratch + 16], xmm6
    xor eax, eax
    xor ecx, ecx
section .data
align 16
sdata:
    db 1, 2, 0x61, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
    db 2, 1, 0x61, 0x62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
%include "epilogue.inc"
