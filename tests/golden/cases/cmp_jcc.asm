; cmp + jcc: the Cond reads flags from a known Sub producer (flag fusion)
BITS 64
org 0x400000
    cmp rax, rbx
    jl .less
    mov rcx, 1
    jmp done
.less:
    mov rcx, 2
    jmp done
done:
