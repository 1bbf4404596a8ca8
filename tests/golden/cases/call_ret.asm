; direct call and ret (ExitCall, then the return through the indirect-branch table)
BITS 64
org 0x400000
    call .fn
    mov rbx, rax
    jmp done
.fn:
    mov eax, 42
    ret
done:
