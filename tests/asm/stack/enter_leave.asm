; enter N,0 (push rbp; rbp = rsp; rsp -= N), leave (rsp = rbp; pop rbp), and enter N,1
; (also pushes the new frame pointer). Frame offsets are checked as deltas from the
; initial rsp, since absolute stack addresses differ between native and retrace.
; EXPECT rax=0x8 rbx=0x28 rcx=0x0 rdx=0x8 rsi=0x38 rdi=0x0 r8=0x1 rbp=0x5555 r9=0x5555
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov rbp, 0x5555
    mov r15, rsp                    ; initial rsp
    enter 32, 0
    mov rax, r15
    sub rax, rbp                    ; rbp = initial - 8
    mov rbx, r15
    sub rbx, rsp                    ; rsp = initial - 8 - 32
    mov r9, [rbp]                   ; saved rbp
    leave
    mov rcx, r15
    sub rcx, rsp                    ; back to initial
    enter 40, 1
    mov rdx, r15
    sub rdx, rbp                    ; rbp = initial - 8, its copy is pushed below it
    mov rsi, r15
    sub rsi, rsp                    ; 8 (old rbp) + 8 (frame ptr) + 40
    mov r10, [rbp - 8]              ; enter N,1 pushed the new rbp
    cmp r10, rbp
    sete r8b
    leave
    mov rdi, r15
    sub rdi, rsp
    mov r15, 0
    mov r10, 0
%include "epilogue.inc"
