; lea: base+index*scale+disp for every scale, negative displacements, index only,
; 32-bit and 16-bit destinations (truncate; 32 zero-extends, 16 keeps bits 16..63).
; lea touches no flags and no memory.
; EXPECT rbx=0x1000 rcx=0x10 rax=0x1050 rdx=0x1020 rsi=0xff8 rdi=0x80 r8=0x1010
; EXPECT r9=0x10 r10=0xfffffffe r11=0xffffffffffff1010 r12=0x1000000ff r13=0xffffffffffffffff
; EXPECT flags=PF,SF
%include "prologue.inc"
    push 0x84
    popfq
    mov rbx, 0x1000
    mov rcx, 0x10
    lea rax, [rbx + rcx*4 + 0x10]
    lea rdx, [rbx + rcx*2]
    lea rsi, [rbx - 8]
    lea rdi, [rcx*8]
    lea r8, [rbx + rcx*1]
    lea r9, [rcx]
    mov r14, 0x7fffffff
    lea r10d, [r14 + r14]           ; 0xfffffffe, zero-extended
    mov r11, -1
    lea r11w, [rbx + rcx]
    mov r15, 0x100000000
    lea r12, [r15 + 0xff]
    lea r13, [rbx - 0x1001]
    mov r15, 0
    mov r14, 0
%include "epilogue.inc"
