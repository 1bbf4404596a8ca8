; shl with memory destinations: qword by imm, dword by cl, word by 1, byte by imm.
; EXPECT mem[0]=0xf000000000000000 mem[24]=0x80 mem[8]=0x1234560000000000 mem[16]=0x4000800000000000
; EXPECT rcx=8 flags=CF,ZF,PF
; EXPECT-FLAGS-MASK CF,PF,ZF,SF
%include "prologue.inc"
    mov qword [rel scratch], 0xf
    shl qword [rel scratch], 60
    mov dword [rel scratch + 12], 0x00123456
    mov ecx, 8
    shl dword [rel scratch + 12], cl
    mov word [rel scratch + 20], 0x4000
    shl word [rel scratch + 20], 1
    mov word [rel scratch + 22], 0x2000
    shl word [rel scratch + 22], 1
    mov byte [rel scratch + 24], 0x03
    shl byte [rel scratch + 24], 7       ; 0x180 -> 0x80
    mov byte [rel scratch + 25], 0x80
    shl byte [rel scratch + 25], 1       ; 0: CF=1 ZF=1 PF=1
%include "epilogue.inc"
