; jl (taken when SF!=OF), rel8 and rel32 forms, over all 32 CF/PF/ZF/SF/OF states:
; byte i of scratch is 1 when taken, 2 when not (0..31 rel8, 32..63 rel32).
; EXPECT mem[0]=0x0202020202020202
; EXPECT mem[8]=0x0101010101010101
; EXPECT mem[16]=0x0101010101010101
; EXPECT mem[24]=0x0202020202020202
; EXPECT mem[32]=0x0202020202020202
; EXPECT mem[40]=0x0101010101010101
; EXPECT mem[48]=0x0101010101010101
; EXPECT mem[56]=0x0202020202020202
; EXPECT flags=CF,PF,ZF,SF,OF
%include "prologue.inc"
    push 0x0
    popfq
    jl short taken_short_0
    mov byte [scratch + 0], 2
    jmp short next_short_0
    taken_short_0:
    mov byte [scratch + 0], 1
    next_short_0:
    push 0x1
    popfq
    jl short taken_short_1
    mov byte [scratch + 1], 2
    jmp short next_short_1
    taken_short_1:
    mov byte [scratch + 1], 1
    next_short_1:
    push 0x4
    popfq
    jl short taken_short_2
    mov byte [scratch + 2], 2
    jmp short next_short_2
    taken_short_2:
    mov byte [scratch + 2], 1
    next_short_2:
    push 0x5
    popfq
    jl short taken_short_3
    mov byte [scratch + 3], 2
    jmp short next_short_3
    taken_short_3:
    mov byte [scratch + 3], 1
    next_short_3:
    push 0x40
    popfq
    jl short taken_short_4
    mov byte [scratch + 4], 2
    jmp short next_short_4
    taken_short_4:
    mov byte [scratch + 4], 1
    next_short_4:
    push 0x41
    popfq
    jl short taken_short_5
    mov byte [scratch + 5], 2
    jmp short next_short_5
    taken_short_5:
    mov byte [scratch + 5], 1
    next_short_5:
    push 0x44
    popfq
    jl short taken_short_6
    mov byte [scratch + 6], 2
    jmp short next_short_6
    taken_short_6:
    mov byte [scratch + 6], 1
    next_short_6:
    push 0x45
    popfq
    jl short taken_short_7
    mov byte [scratch + 7], 2
    jmp short next_short_7
    taken_short_7:
    mov byte [scratch + 7], 1
    next_short_7:
    push 0x80
    popfq
    jl short taken_short_8
    mov byte [scratch + 8], 2
    jmp short next_short_8
    taken_short_8:
    mov byte [scratch + 8], 1
    next_short_8:
    push 0x81
    popfq
    jl short taken_short_9
    mov byte [scratch + 9], 2
    jmp short next_short_9
    taken_short_9:
    mov byte [scratch + 9], 1
    next_short_9:
    push 0x84
    popfq
    jl short taken_short_10
    mov byte [scratch + 10], 2
    jmp short next_short_10
    taken_short_10:
    mov byte [scratch + 10], 1
    next_short_10:
    push 0x85
    popfq
    jl short taken_short_11
    mov byte [scratch + 11], 2
    jmp short next_short_11
    taken_short_11:
    mov byte [scratch + 11], 1
    next_short_11:
    push 0xc0
    popfq
    jl short taken_short_12
    mov byte [scratch + 12], 2
    jmp short next_short_12
    taken_short_12:
    mov byte [scratch + 12], 1
    next_short_12:
    push 0xc1
    popfq
    jl short taken_short_13
    mov byte [scratch + 13], 2
    jmp short next_short_13
    taken_short_13:
    mov byte [scratch + 13], 1
    next_short_13:
    push 0xc4
    popfq
    jl short taken_short_14
    mov byte [scratch + 14], 2
    jmp short next_short_14
    taken_short_14:
    mov byte [scratch + 14], 1
    next_short_14:
    push 0xc5
    popfq
    jl short taken_short_15
    mov byte [scratch + 15], 2
    jmp short next_short_15
    taken_short_15:
    mov byte [scratch + 15], 1
    next_short_15:
    push 0x800
    popfq
    jl short taken_short_16
    mov byte [scratch + 16], 2
    jmp short next_short_16
    taken_short_16:
    mov byte [scratch + 16], 1
    next_short_16:
    push 0x801
    popfq
    jl short taken_short_17
    mov byte [scratch + 17], 2
    jmp short next_short_17
    taken_short_17:
    mov byte [scratch + 17], 1
    next_short_17:
    push 0x804
    popfq
    jl short taken_short_18
    mov byte [scratch + 18], 2
    jmp short next_short_18
    taken_short_18:
    mov byte [scratch + 18], 1
    next_short_18:
    push 0x805
    popfq
    jl short taken_short_19
    mov byte [scratch + 19], 2
    jmp short next_short_19
    taken_short_19:
    mov byte [scratch + 19], 1
    next_short_19:
    push 0x840
    popfq
    jl short taken_short_20
    mov byte [scratch + 20], 2
    jmp short next_short_20
    taken_short_20:
    mov byte [scratch + 20], 1
    next_short_20:
    push 0x841
    popfq
    jl short taken_short_21
    mov byte [scratch + 21], 2
    jmp short next_short_21
    taken_short_21:
    mov byte [scratch + 21], 1
    next_short_21:
    push 0x844
    popfq
    jl short taken_short_22
    mov byte [scratch + 22], 2
    jmp short next_short_22
    taken_short_22:
    mov byte [scratch + 22], 1
    next_short_22:
    push 0x845
    popfq
    jl short taken_short_23
    mov byte [scratch + 23], 2
    jmp short next_short_23
    taken_short_23:
    mov byte [scratch + 23], 1
    next_short_23:
    push 0x880
    popfq
    jl short taken_short_24
    mov byte [scratch + 24], 2
    jmp short next_short_24
    taken_short_24:
    mov byte [scratch + 24], 1
    next_short_24:
    push 0x881
    popfq
    jl short taken_short_25
    mov byte [scratch + 25], 2
    jmp short next_short_25
    taken_short_25:
    mov byte [scratch + 25], 1
    next_short_25:
    push 0x884
    popfq
    jl short taken_short_26
    mov byte [scratch + 26], 2
    jmp short next_short_26
    taken_short_26:
    mov byte [scratch + 26], 1
    next_short_26:
    push 0x885
    popfq
    jl short taken_short_27
    mov byte [scratch + 27], 2
    jmp short next_short_27
    taken_short_27:
    mov byte [scratch + 27], 1
    next_short_27:
    push 0x8c0
    popfq
    jl short taken_short_28
    mov byte [scratch + 28], 2
    jmp short next_short_28
    taken_short_28:
    mov byte [scratch + 28], 1
    next_short_28:
    push 0x8c1
    popfq
    jl short taken_short_29
    mov byte [scratch + 29], 2
    jmp short next_short_29
    taken_short_29:
    mov byte [scratch + 29], 1
    next_short_29:
    push 0x8c4
    popfq
    jl short taken_short_30
    mov byte [scratch + 30], 2
    jmp short next_short_30
    taken_short_30:
    mov byte [scratch + 30], 1
    next_short_30:
    push 0x8c5
    popfq
    jl short taken_short_31
    mov byte [scratch + 31], 2
    jmp short next_short_31
    taken_short_31:
    mov byte [scratch + 31], 1
    next_short_31:
    push 0x0
    popfq
    jl near taken_near_0
    mov byte [scratch + 32], 2
    jmp near next_near_0
    times 200 nop                ; force rel32 displacements
    taken_near_0:
    mov byte [scratch + 32], 1
    next_near_0:
    push 0x1
    popfq
    jl near taken_near_1
    mov byte [scratch + 33], 2
    jmp near next_near_1
    times 200 nop                ; force rel32 displacements
    taken_near_1:
    mov byte [scratch + 33], 1
    next_near_1:
    push 0x4
    popfq
    jl near taken_near_2
    mov byte [scratch + 34], 2
    jmp near next_near_2
    times 200 nop                ; force rel32 displacements
    taken_near_2:
    mov byte [scratch + 34], 1
    next_near_2:
    push 0x5
    popfq
    jl near taken_near_3
    mov byte [scratch + 35], 2
    jmp near next_near_3
    times 200 nop                ; force rel32 displacements
    taken_near_3:
    mov byte [scratch + 35], 1
    next_near_3:
    push 0x40
    popfq
    jl near taken_near_4
    mov byte [scratch + 36], 2
    jmp near next_near_4
    times 200 nop                ; force rel32 displacements
    taken_near_4:
    mov byte [scratch + 36], 1
    next_near_4:
    push 0x41
    popfq
    jl near taken_near_5
    mov byte [scratch + 37], 2
    jmp near next_near_5
    times 200 nop                ; force rel32 displacements
    taken_near_5:
    mov byte [scratch + 37], 1
    next_near_5:
    push 0x44
    popfq
    jl near taken_near_6
    mov byte [scratch + 38], 2
    jmp near next_near_6
    times 200 nop                ; force rel32 displacements
    taken_near_6:
    mov byte [scratch + 38], 1
    next_near_6:
    push 0x45
    popfq
    jl near taken_near_7
    mov byte [scratch + 39], 2
    jmp near next_near_7
    times 200 nop                ; force rel32 displacements
    taken_near_7:
    mov byte [scratch + 39], 1
    next_near_7:
    push 0x80
    popfq
    jl near taken_near_8
    mov byte [scratch + 40], 2
    jmp near next_near_8
    times 200 nop                ; force rel32 displacements
    taken_near_8:
    mov byte [scratch + 40], 1
    next_near_8:
    push 0x81
    popfq
    jl near taken_near_9
    mov byte [scratch + 41], 2
    jmp near next_near_9
    times 200 nop                ; force rel32 displacements
    taken_near_9:
    mov byte [scratch + 41], 1
    next_near_9:
    push 0x84
    popfq
    jl near taken_near_10
    mov byte [scratch + 42], 2
    jmp near next_near_10
    times 200 nop                ; force rel32 displacements
    taken_near_10:
    mov byte [scratch + 42], 1
    next_near_10:
    push 0x85
    popfq
    jl near taken_near_11
    mov byte [scratch + 43], 2
    jmp near next_near_11
    times 200 nop                ; force rel32 displacements
    taken_near_11:
    mov byte [scratch + 43], 1
    next_near_11:
    push 0xc0
    popfq
    jl near taken_near_12
    mov byte [scratch + 44], 2
    jmp near next_near_12
    times 200 nop                ; force rel32 displacements
    taken_near_12:
    mov byte [scratch + 44], 1
    next_near_12:
    push 0xc1
    popfq
    jl near taken_near_13
    mov byte [scratch + 45], 2
    jmp near next_near_13
    times 200 nop                ; force rel32 displacements
    taken_near_13:
    mov byte [scratch + 45], 1
    next_near_13:
    push 0xc4
    popfq
    jl near taken_near_14
    mov byte [scratch + 46], 2
    jmp near next_near_14
    times 200 nop                ; force rel32 displacements
    taken_near_14:
    mov byte [scratch + 46], 1
    next_near_14:
    push 0xc5
    popfq
    jl near taken_near_15
    mov byte [scratch + 47], 2
    jmp near next_near_15
    times 200 nop                ; force rel32 displacements
    taken_near_15:
    mov byte [scratch + 47], 1
    next_near_15:
    push 0x800
    popfq
    jl near taken_near_16
    mov byte [scratch + 48], 2
    jmp near next_near_16
    times 200 nop                ; force rel32 displacements
    taken_near_16:
    mov byte [scratch + 48], 1
    next_near_16:
    push 0x801
    popfq
    jl near taken_near_17
    mov byte [scratch + 49], 2
    jmp near next_near_17
    times 200 nop                ; force rel32 displacements
    taken_near_17:
    mov byte [scratch + 49], 1
    next_near_17:
    push 0x804
    popfq
    jl near taken_near_18
    mov byte [scratch + 50], 2
    jmp near next_near_18
    times 200 nop                ; force rel32 displacements
    taken_near_18:
    mov byte [scratch + 50], 1
    next_near_18:
    push 0x805
    popfq
    jl near taken_near_19
    mov byte [scratch + 51], 2
    jmp near next_near_19
    times 200 nop                ; force rel32 displacements
    taken_near_19:
    mov byte [scratch + 51], 1
    next_near_19:
    push 0x840
    popfq
    jl near taken_near_20
    mov byte [scratch + 52], 2
    jmp near next_near_20
    times 200 nop                ; force rel32 displacements
    taken_near_20:
    mov byte [scratch + 52], 1
    next_near_20:
    push 0x841
    popfq
    jl near taken_near_21
    mov byte [scratch + 53], 2
    jmp near next_near_21
    times 200 nop                ; force rel32 displacements
    taken_near_21:
    mov byte [scratch + 53], 1
    next_near_21:
    push 0x844
    popfq
    jl near taken_near_22
    mov byte [scratch + 54], 2
    jmp near next_near_22
    times 200 nop                ; force rel32 displacements
    taken_near_22:
    mov byte [scratch + 54], 1
    next_near_22:
    push 0x845
    popfq
    jl near taken_near_23
    mov byte [scratch + 55], 2
    jmp near next_near_23
    times 200 nop                ; force rel32 displacements
    taken_near_23:
    mov byte [scratch + 55], 1
    next_near_23:
    push 0x880
    popfq
    jl near taken_near_24
    mov byte [scratch + 56], 2
    jmp near next_near_24
    times 200 nop                ; force rel32 displacements
    taken_near_24:
    mov byte [scratch + 56], 1
    next_near_24:
    push 0x881
    popfq
    jl near taken_near_25
    mov byte [scratch + 57], 2
    jmp near next_near_25
    times 200 nop                ; force rel32 displacements
    taken_near_25:
    mov byte [scratch + 57], 1
    next_near_25:
    push 0x884
    popfq
    jl near taken_near_26
    mov byte [scratch + 58], 2
    jmp near next_near_26
    times 200 nop                ; force rel32 displacements
    taken_near_26:
    mov byte [scratch + 58], 1
    next_near_26:
    push 0x885
    popfq
    jl near taken_near_27
    mov byte [scratch + 59], 2
    jmp near next_near_27
    times 200 nop                ; force rel32 displacements
    taken_near_27:
    mov byte [scratch + 59], 1
    next_near_27:
    push 0x8c0
    popfq
    jl near taken_near_28
    mov byte [scratch + 60], 2
    jmp near next_near_28
    times 200 nop                ; force rel32 displacements
    taken_near_28:
    mov byte [scratch + 60], 1
    next_near_28:
    push 0x8c1
    popfq
    jl near taken_near_29
    mov byte [scratch + 61], 2
    jmp near next_near_29
    times 200 nop                ; force rel32 displacements
    taken_near_29:
    mov byte [scratch + 61], 1
    next_near_29:
    push 0x8c4
    popfq
    jl near taken_near_30
    mov byte [scratch + 62], 2
    jmp near next_near_30
    times 200 nop                ; force rel32 displacements
    taken_near_30:
    mov byte [scratch + 62], 1
    next_near_30:
    push 0x8c5
    popfq
    jl near taken_near_31
    mov byte [scratch + 63], 2
    jmp near next_near_31
    times 200 nop                ; force rel32 displacements
    taken_near_31:
    mov byte [scratch + 63], 1
    next_near_31:
%include "epilogue.inc"
