; test 16-bit, case all_ones: a=0xffff b=0xffff, flags before=0x0, form rr
; test r14w, dx
; EXPECT rdx=0x5a5a5a5a5a5affff
; EXPECT r14=0xa5a5a5a5a5a5ffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r14, 0xa5a5a5a5a5a5ffff
    mov rdx, 0x5a5a5a5a5a5affff
    test r14w, dx
%include "epilogue.inc"
