; jmp rel8 and rel32, forwards and backwards; skipped code must not run; flags untouched.
; EXPECT rax=0x7 rbx=0x0
; EXPECT flags=ZF
%include "prologue.inc"
    push 0x40
    popfq
    jmp short fwd_short
    mov rbx, 1                  ; skipped
fwd_short:
    mov rax, 1
    jmp near fwd_near
    times 300 db 0xcc           ; int3 padding: never executed
    mov rbx, 2
fwd_near:
    mov rax, 3
    jmp short skip_back
back_short:
    mov rax, 5
    jmp near after_back
skip_back:
    jmp short back_short
    mov rbx, 3
after_back:
    lea rax, [rax + 2]
%include "epilogue.inc"
