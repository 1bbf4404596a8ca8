; inc/dec keep CF (partial flags update)
BITS 64
org 0x400000
    inc rax
    dec ecx
    inc byte [rbx]
    jnz done
    jmp done
done:
