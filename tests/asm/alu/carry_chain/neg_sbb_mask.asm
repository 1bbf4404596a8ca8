; x ? -1 : 0 the way compilers write it: neg sets CF when x != 0, sbb r,r spreads it.
; The backend fuses sbb's carry-in with neg's host CF (no setb/bt); the 16-bit neg runs
; in place, as in CPython's dispatch (neg cx; sbb sil, sil). Inputs come from memory so
; that nothing folds to a constant at translation time.
; EXPECT rax=0xffffffffffffffff rbx=0x0 rcx=0xffffffffffff0005 rsi=0xff rdi=0x0 rdx=0x0
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov rax, [rel in_7]
    neg rax
    sbb rax, rax          ; x=7: -1
    mov rbx, [rel in_0]
    neg rbx
    sbb rbx, rbx          ; x=0: 0
    mov ecx, [rel in_5]
    neg cx
    sbb sil, sil          ; 16-bit neg, byte sbb: 0xff
    mov edi, [rel in_0]
    neg edi
    sbb edi, edi          ; 0
    mov edx, [rel in_3]
    neg edx
    sbb edx, edx          ; -1 (32-bit: zero-extended)
    mov edx, 0
    neg rcx               ; CF=1 (rcx = 0xfffb != 0): rcx = 0xffffffffffff0005
    sbb dl, dl            ; dl = 0xff, flags CF PF AF SF
    mov edx, 0            ; (mov keeps the flags of sbb)
section .data
in_0: dq 0
in_3: dq 3
in_5: dq 5
in_7: dq 7
%include "epilogue.inc"
