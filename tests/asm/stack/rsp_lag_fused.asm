; rsp written by an instruction the native tier fuses with the one before it, right after
; pushes left the host register lagging the guest rsp (found by the eleventh session's
; review: the fused write skipped the catch-up, so the lag was added to the new value):
; movsxd from memory, a 64-bit address into esp (lea), bsf, sete of spl. Each value is
; taken from rsp, then rsp goes back to the initial one (r15).
; EXPECT rax=0x0 rbx=0x0 rcx=0x100 rdx=0x20 rsi=0x0 rdi=0x0 r8=0x40 r9=0x1020 r10=0x8 r11=0x1
; EXPECT r12=0x0 r13=0x0 r14=0x0 r15=0x0 rbp=0x0
; EXPECT flags=ZF,PF
; EXPECT mem[0]=0x40
%include "prologue.inc"
    mov r15, rsp
    lea r14, [rel scratch]
    mov qword [r14], 0x40
    push rax
    push rax
    movsxd rsp, dword [r14]         ; load + sign extension, into rsp
    mov r8, rsp
    mov rsp, r15
    mov ecx, 0x1000
    mov edx, 0x20
    push rax
    push rax
    lea esp, [rcx + rdx]            ; 64-bit address, 32-bit destination
    mov r9, rsp
    mov rsp, r15
    mov ecx, 0x100
    push rax
    push rax
    bsf rsp, rcx                    ; compare, count and select, into rsp
    mov r10, rsp
    mov rsp, r15
    push rax
    push rax
    cmp rcx, rcx
    sete spl                        ; setcc into rsp's low byte (rsp's value before: lagging)
    movzx r11d, spl
    mov rsp, r15
    mov r14, 0
    mov r15, 0
    xor eax, eax
%include "epilogue.inc"
