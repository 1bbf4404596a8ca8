; div/idiv (the helper path: they can trap)
BITS 64
org 0x400000
    xor edx, edx
    div rcx
    cqo
    idiv rbx
    jmp done
done:
