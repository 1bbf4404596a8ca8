; 8- and 16-bit rotates by immediate and by cl, counts 0, 3, 8, 9, 15, 17, 31 (x86 masks
; to 5 bits, then rotates modulo the width), each followed by an instruction that
; redefines the flags (so retrace's rotate is its flag-free form). Results are folded
; into rbx/rdx by a multiply-add hash so every one counts.
; EXPECT rbx=0xbe434b445e67940 rdx=0xe550919bc3e23c0
%include "prologue.inc"
%macro R 3          ; op, reg, count (imm)
    mov rax, 0x1234abcd5a6b
    %1 %2, %3
    test rax, rax
    imul rbx, rbx, 31
    add rbx, rax
%endmacro
%macro RC 3         ; op, reg, count (in cl)
    mov rax, 0x9876fedc3c4d
    mov ecx, %3
    %1 %2, cl
    test rax, rax
    imul rdx, rdx, 37
    add rdx, rax
%endmacro
%assign c 0
%rep 32
    R rol, al, c
    R ror, al, c
    R rol, ax, c
    R ror, ax, c
    RC rol, al, c
    RC ror, al, c
    RC rol, ax, c
    RC ror, ax, c
%assign c c+1
%endrep
    xor eax, eax
    xor ecx, ecx
%include "epilogue.inc"
