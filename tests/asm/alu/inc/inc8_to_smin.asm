; inc 8-bit, case to_smin: a=0x80, flags before=0x1, form r
; inc r12b
; EXPECT r12=0xa5a5a5a5a5a5a581
; EXPECT flags=CF,PF,SF
%include "prologue.inc"
    mov r12, 0xa5a5a5a5a5a5a580
    push 0x1
    popfq
    inc r12b
%include "epilogue.inc"
