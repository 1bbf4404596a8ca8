; mul with memory sources: qword, dword, word, byte.
; EXPECT r8=1 r9=0 r10=0x2468acf0 r11=0 r12=0xfffe r13=0x0001 rax=0x1c rdx=0xfffe
; EXPECT flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov rax, 0x100000000
    mov [rel scratch], rax
    mul qword [rel scratch]              ; 2^64: rdx = 1, rax = 0
    mov r8, rdx
    mov r9, rax
    mov eax, 0x12345678
    mov dword [rel scratch + 8], 2
    mul dword [rel scratch + 8]
    mov r10, rax
    mov r11, rdx
    mov eax, 0xffff
    mov word [rel scratch + 16], 0xffff
    mul word [rel scratch + 16]          ; dx:ax = 0xfffe:0001
    mov r12, rdx
    mov r13, rax
    mov eax, 7
    mov byte [rel scratch + 24], 4
    mul byte [rel scratch + 24]          ; ax = 28, rdx untouched
%include "epilogue.inc"
