; xchg between registers and with memory (implicitly locked)
BITS 64
org 0x400000
    xchg rax, rbx
    xchg ecx, edx
    xchg [rsi], rdi
    jmp done
done:
