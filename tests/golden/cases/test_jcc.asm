; test + jz (Logic producer)
BITS 64
org 0x400000
    test eax, eax
    jz .zero
    mov ebx, 1
.zero:
    test rcx, 0x10
    jnz done
    jmp done
done:
