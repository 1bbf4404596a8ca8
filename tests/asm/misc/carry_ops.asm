; clc / stc / cmc touch only CF; results recorded with setc into scratch bytes.
; EXPECT mem[0]=0x0001010000010001
; EXPECT flags=PF,AF,ZF,SF,OF
%include "prologue.inc"
    push 0x8d4                      ; everything but CF
    popfq
    stc
    setc byte [scratch + 0]         ; 1
    clc
    setc byte [scratch + 1]         ; 0
    cmc
    setc byte [scratch + 2]         ; 1
    cmc
    setc byte [scratch + 3]         ; 0
    clc
    clc
    setc byte [scratch + 4]         ; 0
    stc
    stc
    setc byte [scratch + 5]         ; 1
    cmc
    cmc
    setc byte [scratch + 6]         ; 1
    cmc                             ; CF = 0 at the end
    setc byte [scratch + 7]
%include "epilogue.inc"
