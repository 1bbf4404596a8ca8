; adc 64-bit, case neg_ovf: a=0x8000000000000000 b=0x8000000000000000, flags before=0x0, form rr
; adc r9, r14
; EXPECT r14=0x8000000000000000
; EXPECT r9=0x0
; EXPECT flags=CF,PF,ZF,OF
%include "prologue.inc"
    mov r9, 0x8000000000000000
    mov r14, 0x8000000000000000
    adc r9, r14
%include "epilogue.inc"
