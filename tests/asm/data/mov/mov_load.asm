; Loads of every width, with base, base+index*scale+disp and unaligned addresses.
; EXPECT rax=0x8877665544334411 rbx=0x88776655 rcx=0xffffffffffff6655 rdx=0xffffffffffffff77
; EXPECT rsi=0x9988776655443322 rdi=0x16 r8=0xaa99887766554433 r9=0x8877665544332211
; EXPECT r10=0xddccbbaa99887766 rbp=0x1
%include "prologue.inc"
    mov rax, 0x8877665544332211
    mov [scratch], rax
    mov rax, 0xffeeddccbbaa99
    mov [scratch + 8], rax
    mov rax, [scratch]
    mov r9, rax
    mov rbx, -1
    mov ebx, [scratch + 4]
    mov rcx, -1
    mov cx, [scratch + 4]
    mov rdx, -1
    mov dl, [scratch + 6]
    lea rdi, [scratch]
    mov rsi, [rdi + 1]                  ; unaligned qword
    mov r11, 1
    mov r8, [rdi + r11*2]               ; base + index*2
    mov ebp, 1
    mov ah, [rdi + rbp*4 - 1]           ; byte 3 (0x44) into ah
    mov rdi, 0x16
    mov r10, [scratch + 5]              ; bytes 5..12
    mov r11, 0
%include "epilogue.inc"
