; xor reg, reg zeroing idioms (32- and 64-bit)
BITS 64
org 0x400000
    xor eax, eax
    xor rbx, rbx
    xor r8d, r8d
    jmp done
done:
