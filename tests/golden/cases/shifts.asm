; shifts and rotates by immediate and by cl
BITS 64
org 0x400000
    shl rax, 3
    shr ecx, 1
    sar rdx, cl
    rol ebx, 7
    shl si, 2
    jmp done
done:
