; ALU ops with immediates and memory operands (and/or/xor/add with flags dead)
BITS 64
org 0x400000
    and rax, 0xff
    or ecx, 0x100
    xor rdx, -1
    add qword [rbx], 16
    sub r8, [r9]
    jmp done
done:
