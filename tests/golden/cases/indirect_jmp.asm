; indirect jmp through a register and through memory
BITS 64
org 0x400000
    jmp rax
    jmp [rbx + 8]
done:
