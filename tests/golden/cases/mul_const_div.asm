; Division by a constant as compilers write it (a multiply by a magic number, keeping the
; high half): x / 10 for unsigned 64-bit x.
BITS 64
org 0x400000
    mov rax, rdi
    mov rdx, 0xcccccccccccccccd
    mul rdx
    shr rdx, 3
    mov rax, rdx
    jmp done
done:
