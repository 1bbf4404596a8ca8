; flags only a side exit's target may read (their lazy stores on the taken path alone),
; then a byte shift by a constant (a C helper) that defines the flags without reading them:
; the block must not fall back to its conservative translation (stores inline)
BITS 64
org 0x400000
    test r13, r13
    jnz target
    shr dil, 4
    jz target
    jmp done
target:
    setnz al
done:
