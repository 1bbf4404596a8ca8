; mov between registers at every width (writes to 32-bit zero-extend, 8/16-bit merge)
BITS 64
org 0x400000
    mov rax, rbx
    mov ecx, edx
    mov si, di
    mov r8b, r9b
    mov ah, bl
    jmp done
done:
