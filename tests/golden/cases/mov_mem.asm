; loads and stores with base, index*scale and displacement
BITS 64
org 0x400000
    mov rax, [rbx]
    mov rcx, [rbx + rsi*8 + 0x10]
    mov [rdi + rdx*4 - 8], ecx
    mov byte [rdi], 7
    mov r9w, [r10 + r11*2]
    jmp done
done:
