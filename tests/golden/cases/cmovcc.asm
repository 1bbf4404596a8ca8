; cmp + cmovcc (Select on a fused condition)
BITS 64
org 0x400000
    cmp rax, rbx
    cmovl rax, rbx
    cmovae ecx, edx
    jmp done
done:
