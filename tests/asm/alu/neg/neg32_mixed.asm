; neg 32-bit, case mixed: a=0x8765fedc, flags before=0x8d5, form r
; neg ecx
; EXPECT rcx=0x789a0124
; EXPECT flags=CF,PF,AF
%include "prologue.inc"
    mov rcx, 0xa5a5a5a58765fedc
    push 0x8d5
    popfq
    neg ecx
%include "epilogue.inc"
