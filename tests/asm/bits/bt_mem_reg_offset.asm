; bt* m, r: the register offset is signed and selects memory beyond the operand:
; address += (offset >> log2(width)) * (width / 8).
; EXPECT mem[0]=0x0000000000000000 mem[8]=0x0000000000000000 mem[16]=0x8000000000000001
; EXPECT mem[24]=0x0000000000010000 mem[32]=0x0000000000000100
; EXPECT rcx=0xfffffffffffffff6 rsi=0xffffffc8 rdi=0x1fff0 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    lea rbx, [rel scratch + 16]
    mov ecx, 64                        ; qword at +8 from rbx, bit 0
    bts qword [rbx - 8], rcx           ; -> scratch+16 bit 0
    mov rcx, -10                       ; -10 >> 6 = -1: the qword before the base, bit 54
    bts qword [rbx + 8], rcx           ; -> scratch+16 bit 54
    btr qword [rbx + 8], rcx           ; and back (CF = 1)
    bts qword [rbx], 63                ; scratch+16 bit 63
    lea rbx, [rel scratch + 24]
    mov esi, -56                       ; -56 >> 5 = -2: 8 bytes before the base, bit 8
    bts dword [rbx + 8], esi           ; -> scratch+24, bit 8
    btc dword [rbx + 8], esi           ; toggles it back
    btc dword [rbx + 16], esi          ; scratch+32, bit 8 -> 1
    mov edi, 0x1fff0                   ; 16-bit offset: low 16 bits 0xfff0 = -16
    bts word [rbx + 4], di             ; -16 >> 4 = -1: word at rbx+2 = scratch+26, bit 0
    bt word [rbx + 4], di              ; CF = 1
%include "epilogue.inc"
