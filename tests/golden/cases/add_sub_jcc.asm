; add/sub then an unsigned and a signed branch on the last producer
BITS 64
org 0x400000
    add rax, rbx
    sub ecx, 5
    jb .carry
    add rdx, rax
.carry:
    sub rdx, 1
    jnz done
    jmp done
done:
