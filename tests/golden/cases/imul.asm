; imul: two- and three-operand, 32 and 64 bit
BITS 64
org 0x400000
    imul rax, rbx
    imul ecx, edx, 12
    imul rsi, [rdi]
    jmp done
done:
