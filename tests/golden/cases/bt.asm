; bt/bts with immediate and register bit offsets
BITS 64
org 0x400000
    bt rax, 5
    jc .set
    bts ecx, edx
.set:
    bt qword [rdi], 3
    jmp done
done:
