; movzx/movsx/movsxd from registers and memory
BITS 64
org 0x400000
    movzx eax, bl
    movzx ecx, word [rsi]
    movsx rdx, byte [rdi]
    movsx r8d, r9w
    movsxd r10, r11d
    jmp done
done:
