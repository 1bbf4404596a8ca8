; lock bts/btr/btc on memory (atomic forms), register and immediate offsets.
; EXPECT mem[0]=0x0000000400000022 mem[8]=0x1 mem[16]=0 rcx=0x41 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov ecx, 0x41                       ; 65: the next qword, bit 1
    lock bts qword [rel scratch], 5     ; CF = 0
    lock bts qword [rel scratch], 34    ; CF = 0
    lock bts dword [rel scratch], 1     ; CF = 0
    lock btc qword [rel scratch + 8], 0 ; CF = 0, 0 -> 1
    lock bts qword [rel scratch + 8], rcx   ; -> scratch+16 bit 1
    lock btr qword [rel scratch + 8], rcx   ; back, CF = 1
%include "epilogue.inc"
