; imul one-operand forms at 16, 32 and 64 bits. The last (64-bit, -1 * 5) fits.
; EXPECT r8=0x1234fff0 r9=0xffff r10=0xfffffffe r11=0 rax=0xfffffffffffffffb rdx=0xffffffffffffffff
; EXPECT rcx=5 flags=
; EXPECT-FLAGS-MASK CF,OF
%include "prologue.inc"
    mov eax, 0x1234fffc            ; ax = -4
    mov ecx, 4
    imul cx                        ; dx:ax = -16 (rdx was 0: dx = 0xffff)
    mov r8, rax
    mov r9, rdx
    mov eax, 0x7fffffff
    mov ecx, 2
    imul ecx                       ; edx:eax = 0x00000000:fffffffe
    mov r10, rax
    mov r11, rdx
    mov rax, -1
    mov ecx, 5
    imul rcx
%include "epilogue.inc"
