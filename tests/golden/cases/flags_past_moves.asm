; A flag producer, data moves, then readers: the readers use the host flags and the
; producer stores no lazy flags (only the last flags reach the exit)
BITS 64
org 0x400000
    cmp rax, rbx
    mov rcx, [rsp + 8]
    movzx edx, byte [rsi]
    setb r8b
    cmovae rdi, rcx
    test rdi, rdi
    jz done
done:
