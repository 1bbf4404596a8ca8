; a counted loop: one block that branches to itself
BITS 64
org 0x400000
    xor eax, eax
    mov ecx, 10
.top:
    add eax, ecx
    dec ecx
    jnz .top
    jmp done
done:
