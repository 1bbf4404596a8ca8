; Read-modify-write memory ops whose flags nothing reads (each is followed by a test that
; redefines them): add/sub/and/or/xor at 8/16/32/64 bits, with an immediate and with a
; register, through a base+index*8+disp address. The native tier runs these as one host
; `op [mem], x`; the results land in scratch.
; EXPECT mem[0]=0x0 mem[8]=0x1100330443327703 mem[16]=0xffffffffffffff88
; EXPECT mem[24]=0x11223344063435d2 mem[32]=0x1e2c3e485e6c7ef5
%include "prologue.inc"
    lea rdi, [rel scratch]
    mov rcx, 1
    mov rax, 0x1122334455667788
    mov [rdi + 8], rax
    mov [rdi + 16], rax
    mov [rdi + 24], rax
    mov [rdi + 32], rax
    mov rbx, 0x0f0e0d0c0b0a0908
    mov rdx, -3
    add byte [rdi + rcx*8 + 0], 0x7f
    test rax, rax
    sub word [rdi + rcx*8 + 2], 0x1234
    test rax, rax
    and dword [rdi + rcx*8 + 4], 0xff00ff0f
    test rax, rax
    or qword [rdi + rcx*8 + 8], -0x100
    test rax, rax
    xor qword [rdi + rcx*8 + 16], 0x5a5a5a5a
    test rax, rax
    add byte [rdi + rcx*8 + 17], bl
    test rax, rax
    sub word [rdi + rcx*8 + 18], bx
    test rax, rax
    and dword [rdi + rcx*8 + 20], edx
    test rax, rax
    or byte [rdi + rcx*8 + 24], dl
    test rax, rax
    xor qword [rdi + rcx*8 + 24], rbx
    test rax, rax
    add qword [rdi + rcx*8 + 0], rdx
    test rax, rax
    sub dword [rdi + 8], 1
    test rax, rax
    mov rcx, 0
    mov rdi, 0
%include "epilogue.inc"
