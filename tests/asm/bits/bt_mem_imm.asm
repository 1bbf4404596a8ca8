; bt/bts/btr/btc m, imm8: the offset stays inside the operand (modulo the width).
; EXPECT mem[0]=0x8000000000000005 mem[8]=0x0000000100000000 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov qword [rel scratch], 1
    bts qword [rel scratch], 63
    bts qword [rel scratch], 66        ; 66 mod 64 = 2
    btc word [rel scratch + 12], 16    ; 16 mod 16 = 0: word at 12 bit 0 -> 1
    btr dword [rel scratch], 32        ; 32 mod 32 = 0: bit 0 of the dword -> 0, CF = 1
    bts dword [rel scratch], 0         ; back to 1, CF = 0
    bt qword [rel scratch], 2          ; CF = 1
%include "epilogue.inc"
