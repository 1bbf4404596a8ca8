; push/pop (rsp-relative stores and loads)
BITS 64
org 0x400000
    push rbx
    push r12
    pop rax
    pop rcx
    jmp done
done:
