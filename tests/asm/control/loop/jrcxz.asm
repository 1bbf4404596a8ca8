; jrcxz (rcx == 0, all 64 bits) and jecxz (0x67 prefix: ecx == 0, upper half ignored);
; each taken and not taken. Flags untouched.
; EXPECT mem[0]=0x0201020102
; EXPECT flags=CF,SF
%include "prologue.inc"
    push 0x81
    popfq
    mov rcx, 0
    jrcxz t0
    mov byte [scratch + 0], 1
    jmp n0
t0: mov byte [scratch + 0], 2
n0: mov rcx, 0x100000000
    jrcxz t1
    mov byte [scratch + 1], 1
    jmp n1
t1: mov byte [scratch + 1], 2
n1: jecxz t2                        ; ecx is 0
    mov byte [scratch + 2], 1
    jmp n2
t2: mov byte [scratch + 2], 2
n2: mov rcx, 1
    jecxz t3
    mov byte [scratch + 3], 1
    jmp n3
t3: mov byte [scratch + 3], 2
n3: mov rcx, 0
    jrcxz t4
    mov byte [scratch + 4], 1
    jmp n4
t4: mov byte [scratch + 4], 2
n4:
%include "epilogue.inc"
