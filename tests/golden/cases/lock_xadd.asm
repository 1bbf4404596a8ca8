; lock xadd and lock add on memory
BITS 64
org 0x400000
    lock xadd [rdi], rax
    lock add dword [rsi], 1
    jmp done
done:
