; cmp 64-bit, case borrow_in: a=0x1 b=0x0, flags before=0x1, form ri
; cmp r12, 0
; EXPECT r12=0x1
; EXPECT flags=
%include "prologue.inc"
    mov r12, 0x1
    push 0x1
    popfq
    cmp r12, 0
%include "epilogue.inc"
