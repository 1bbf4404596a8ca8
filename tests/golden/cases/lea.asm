; lea forms: base+index*scale+disp, 32-bit result, rip-relative
BITS 64
org 0x400000
    lea rax, [rbx + rcx*4 + 0x20]
    lea edx, [rsi + rdi]
    lea r8, [r9*8]
    lea r10, [rel done]
    jmp done
done:
