; a block ending in a trap (hlt is privileged in user mode: SIGSEGV)
BITS 64
org 0x400000
    mov eax, 1
    hlt
