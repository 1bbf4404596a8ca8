; The accumulator moffs64 forms (A0-A3 with a 64-bit absolute address).
; EXPECT rax=0xffffffffffff0042 rbx=0x1122334455667788 rcx=0x55667788 rdx=0x42
; EXPECT mem[0]=0x1122334455667788 mem[8]=0x42 mem[16]=0x5566778800000000
%include "prologue.inc"
    mov rax, 0x1122334455667788
    mov [abs qword scratch], rax        ; A3
    mov rbx, [scratch]
    mov rax, 0
    mov rax, [abs qword scratch]        ; A1
    mov eax, [abs qword scratch]        ; A1, 32-bit: zero-extends
    mov ecx, eax
    mov byte [scratch + 8], 0x42
    mov rax, -1
    mov al, [abs qword scratch + 8]     ; A0
    mov rdx, [scratch + 8]
    mov [abs qword scratch + 20], ecx   ; A3, 32-bit
    mov ax, [abs qword scratch + 8]     ; A1, 16-bit
%include "epilogue.inc"
