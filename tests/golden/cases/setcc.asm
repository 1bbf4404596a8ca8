; cmp + setcc, sete into a byte register and memory
BITS 64
org 0x400000
    cmp rdi, rsi
    setg al
    sete byte [rbx]
    jmp done
done:
