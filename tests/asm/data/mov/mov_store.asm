; Stores of every width, from registers and immediates (imm32 sign-extended for qword);
; narrower stores leave neighbouring bytes alone.
; EXPECT mem[0]=0x8877665544332211 mem[8]=0xffffffff44332211 mem[16]=0xffffffffffff2211
; EXPECT mem[24]=0xffffffffffffff11 mem[32]=0xfffffffffffffff0 mem[40]=0x0000000080000000
; EXPECT mem[48]=0xffffffff00001234 mem[56]=0x12345678ffffbeef mem[64]=0xffff007f
; EXPECT rax=0x8877665544332211 rcx=0xffffffffffffffff
%include "prologue.inc"
    mov rax, 0x8877665544332211
    mov rcx, -1
    mov [scratch], rax
    mov [scratch + 8], rcx
    mov [scratch + 8], eax
    mov [scratch + 16], rcx
    mov [scratch + 16], ax
    mov [scratch + 24], rcx
    mov [scratch + 24], al
    mov qword [scratch + 32], -16
    mov dword [scratch + 40], 0x80000000
    mov [scratch + 48], rcx
    mov dword [scratch + 48], 0x1234
    mov qword [scratch + 56], 0x12345678
    mov [scratch + 56], rcx
    mov dword [scratch + 60], 0x12345678
    mov word [scratch + 56], 0xbeef
    mov byte [scratch + 64], 0x7f
    mov byte [scratch + 66], 0xff
    mov byte [scratch + 67], 0xff
    mov word [scratch + 64 + 1], 0xff00
%include "epilogue.inc"
