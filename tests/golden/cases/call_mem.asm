; an indirect call through a struct field (perl's runloop: PL_op->op_ppaddr(aTHX)): the
; loaded target goes straight to the probe, with no copy
BITS 64
org 0x400000
top:
    mov rdi, rbx
    call [rax + 0x10]
    mov [r12], rax
    test rax, rax
    jne top
    hlt
