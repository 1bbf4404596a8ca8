; test 64-bit, case sign: a=0xffffffffffffffff b=0x8000000000000000, flags before=0x8d5, form rr
; test rbx, r8
; EXPECT r8=0x8000000000000000
; EXPECT rbx=0xffffffffffffffff
; EXPECT flags=PF,SF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF,OF
%include "prologue.inc"
    mov rbx, 0xffffffffffffffff
    mov r8, 0x8000000000000000
    push 0x8d5
    popfq
    test rbx, r8
%include "epilogue.inc"
