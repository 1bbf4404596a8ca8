; Guest registers no host register holds (r8-r15 are not pinned) and that nothing reads
; again before the block ends: used from their slots, without taking a register.
BITS 64
org 0x400000
    mov eax, r10d        ; mov from the slot
    add rax, r12         ; add with the slot as its source
    cmp r11d, 7          ; cmp of the slot (its flags: setg only)
    setg cl
    xor edx, edx
    mov rsi, r9          ; r9 read twice: loaded once into a register
    add rdi, r9
    jmp done
done:
