; SSE: pxor (zeroing idiom and a register pair), movdqa
BITS 64
org 0x400000
    pxor xmm0, xmm0
    pxor xmm1, xmm2
    movdqa xmm3, xmm1
    jmp done
done:
