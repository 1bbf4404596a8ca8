; sub 16-bit, case overflow: a=0x8000 b=0x1, flags before=0x0, form mi
; sub word [scratch], 0x1
; EXPECT rax=0xa5a5a5a5a5a58000
; EXPECT mem[0]=0xa5a5a5a5a5a57fff
; EXPECT flags=PF,AF,OF
%include "prologue.inc"
    mov rax, 0xa5a5a5a5a5a58000
    mov [scratch], rax
    sub word [scratch], 0x1
%include "epilogue.inc"
