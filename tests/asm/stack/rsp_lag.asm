; rsp used in every way after pushes, pops and `sub rsp, N` whose rsp updates the native
; tier defers within a block (the host register lags the guest rsp): rsp-based loads and
; stores, rsp's value stored to memory and to the stack, lea of rsp, `add [mem], rsp`
; (read-modify-write with rsp as the source, flags dead after it), push/pop of
; rsp-relative memory, `and rsp, -16` and a `mov rsp, reg`. Values are kept as deltas
; from the initial rsp (r15), since stack addresses differ between native and retrace.
; EXPECT rax=0x18 rbx=0x1 rcx=0x2a rdx=0x30 rsi=0x1 rdi=0x2a r8=0x3 r9=0x18 r10=0x0 r11=0x0
; EXPECT r12=0x0 r13=0x0 r14=0x0 r15=0x0 rbp=0x0
; EXPECT flags=ZF,PF
; EXPECT mem[0]=0x18 mem[8]=0x0 mem[16]=0x18
%include "prologue.inc"
    mov r15, rsp                    ; initial rsp
    lea r14, [rel scratch]
    mov [r14 + 16], r15
    mov [r14 + 8], r15
    push 1
    push 2
    push 3
    sub [r14 + 16], rsp             ; mem[16] = 24: rsp as a sub's source, memory destination,
    add [r14 + 8], rsp              ; initial + (initial - 24): the flags of both dead, so
    mov r8, [rsp]                   ; 3                  (read-modify-write host instructions)
    mov rbx, [rsp + 16]             ; 1
    mov rax, r15
    sub rax, rsp                    ; 24
    mov [r14], rax                  ; mem[0] = 24
    mov r13, [r14 + 8]
    sub r13, r15
    sub r13, r15                    ; -24
    add r13, rax                    ; 0
    mov [r14 + 8], r13              ; mem[8] = 0
    mov [rsp + 8], rsp              ; rsp's own value over the 2
    mov r12, [rsp + 8]
    sub r12, rsp                    ; 0
    lea rdx, [rsp + 48]
    sub rdx, r15                    ; 48 - 24 = 24 ...
    add rdx, 24                     ; ... 48 = 0x30
    push qword [rsp + 16]           ; a copy of the 1
    pop rsi                         ; 1
    sub rsp, 16                     ; flags dead after it
    mov qword [rsp], 42
    pop rcx                         ; 42
    pop rdi
    mov rdi, rcx                    ; 42
    mov r9, r15
    sub r9, rsp                     ; 24: the three pushes (the rest balanced out)
    mov r11, rsp
    and rsp, -16                    ; rsp read and written by one op
    mov rsp, r11                    ; rsp written from another register
    mov r10, r15
    sub r10, rsp
    sub r10, 24                     ; 0
    add rsp, 24                     ; back to the initial rsp
    mov r11, 0
    sub r12, r12                    ; (ZF, PF: the flags the test ends with)
    mov r14, 0
    mov r15, 0
%include "epilogue.inc"
