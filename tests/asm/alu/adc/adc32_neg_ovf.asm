; adc 32-bit, case neg_ovf: a=0x80000000 b=0x80000000, flags before=0x0, form ri
; adc edx, 0x80000000
; EXPECT rdx=0x0
; EXPECT flags=CF,PF,ZF,OF
%include "prologue.inc"
    mov rdx, 0xa5a5a5a580000000
    adc edx, 0x80000000
%include "epilogue.inc"
