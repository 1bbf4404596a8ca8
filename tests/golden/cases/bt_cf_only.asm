; bt whose flags other than CF are dead: setc reads CF alone and add redefines every flag
; before anything else reads them, so bt's read of the flags it keeps goes (no helper).
BITS 64
org 0x400000
    sub ecx, 0x58
    bt r13, rcx
    setc dl
    bts qword [rdi], 3
    adc rsi, 0
    add rdx, 1
    jmp done
done:
