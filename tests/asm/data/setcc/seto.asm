; seto (true when OF=1) over all 32 CF/PF/ZF/SF/OF states: byte i of scratch
; is the result for state i (bit0 CF, bit1 PF, bit2 ZF, bit3 SF, bit4 OF); then register forms
; (low byte, high byte, REX byte) keep the other bits; setcc leaves flags alone.
; EXPECT mem[0]=0x0000000000000000
; EXPECT mem[8]=0x0000000000000000
; EXPECT mem[16]=0x0101010101010101
; EXPECT mem[24]=0x0101010101010101
; EXPECT rax=0xffffffffffffff01 r9=0xffffffffffffff01 rbx=0xffffffffffff00ff rsi=0xffffffffffffff00
; EXPECT flags=
%include "prologue.inc"
    push 0x0
    popfq
    seto byte [scratch + 0]
    push 0x1
    popfq
    seto byte [scratch + 1]
    push 0x4
    popfq
    seto byte [scratch + 2]
    push 0x5
    popfq
    seto byte [scratch + 3]
    push 0x40
    popfq
    seto byte [scratch + 4]
    push 0x41
    popfq
    seto byte [scratch + 5]
    push 0x44
    popfq
    seto byte [scratch + 6]
    push 0x45
    popfq
    seto byte [scratch + 7]
    push 0x80
    popfq
    seto byte [scratch + 8]
    push 0x81
    popfq
    seto byte [scratch + 9]
    push 0x84
    popfq
    seto byte [scratch + 10]
    push 0x85
    popfq
    seto byte [scratch + 11]
    push 0xc0
    popfq
    seto byte [scratch + 12]
    push 0xc1
    popfq
    seto byte [scratch + 13]
    push 0xc4
    popfq
    seto byte [scratch + 14]
    push 0xc5
    popfq
    seto byte [scratch + 15]
    push 0x800
    popfq
    seto byte [scratch + 16]
    push 0x801
    popfq
    seto byte [scratch + 17]
    push 0x804
    popfq
    seto byte [scratch + 18]
    push 0x805
    popfq
    seto byte [scratch + 19]
    push 0x840
    popfq
    seto byte [scratch + 20]
    push 0x841
    popfq
    seto byte [scratch + 21]
    push 0x844
    popfq
    seto byte [scratch + 22]
    push 0x845
    popfq
    seto byte [scratch + 23]
    push 0x880
    popfq
    seto byte [scratch + 24]
    push 0x881
    popfq
    seto byte [scratch + 25]
    push 0x884
    popfq
    seto byte [scratch + 26]
    push 0x885
    popfq
    seto byte [scratch + 27]
    push 0x8c0
    popfq
    seto byte [scratch + 28]
    push 0x8c1
    popfq
    seto byte [scratch + 29]
    push 0x8c4
    popfq
    seto byte [scratch + 30]
    push 0x8c5
    popfq
    seto byte [scratch + 31]
    mov rax, -1
    mov rbx, -1
    mov r9, -1
    mov rsi, -1
    push 0x800
    popfq
    seto al
    seto r9b
    push 0x0
    popfq
    seto bh
    seto sil
%include "epilogue.inc"
