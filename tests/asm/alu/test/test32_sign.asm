; test 32-bit, case sign: a=0xffffffff b=0x80000000, flags before=0x8d5, form ri
; test r13d, 0x80000000
; EXPECT r13=0xa5a5a5a5ffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov r13, 0xa5a5a5a5ffffffff
    push 0x8d5
    popfq
    test r13d, 0x80000000
%include "epilogue.inc"
