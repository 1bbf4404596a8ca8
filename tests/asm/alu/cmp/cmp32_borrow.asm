; cmp 32-bit, case borrow: a=0x0 b=0x1, flags before=0x0, form rr
; cmp r13d, ecx
; EXPECT rcx=0x5a5a5a5a00000001
; EXPECT r13=0xa5a5a5a500000000
; EXPECT flags=CF,PF,AF,SF
%include "prologue.inc"
    mov r13, 0xa5a5a5a500000000
    mov rcx, 0x5a5a5a5a00000001
    cmp r13d, ecx
%include "epilogue.inc"
