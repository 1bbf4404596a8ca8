; Stack discipline with exceptions masked: overflow and underflow give the default NaN and
; set IE|SF (C1 tells which); fincstp/fdecstp/ffree/ffreep; tag word via fnstenv.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x084100003a410000 mem[8]=0x3000380000410041 mem[16]=0xc000000000000000 mem[24]=0x000000000000ffff
; EXPECT mem[32]=0xc000000000000000 mem[40]=0x000000000000ffff mem[48]=0x0000000080000000 mem[64]=0xffff3000ffff037f
; EXPECT mem[72]=0x00000000ffffcfff mem[88]=0x00000000ffff0000 mem[96]=0xffff3000ffff037f mem[104]=0x00000000ffffcfff
; EXPECT mem[120]=0x00000000ffff0000
%include "prologue.inc"
    fld1
    fld1
    fld1
    fld1
    fld1
    fld1
    fld1
    fld1
    fnstsw [scratch]        ; full, TOP = 0
    fldpi                   ; overflow: IE SF C1, st0 = default NaN
    fnstsw [scratch + 2]
    fstp tword [scratch + 16]
    fnclex
    fnstsw [scratch + 4]
    fninit
    fstp tword [scratch + 32]   ; underflow: IE SF, stores the default NaN
    fnstsw [scratch + 6]
    fninit
    fist dword [scratch + 48]   ; underflow integer store: integer indefinite
    fnstsw [scratch + 8]
    fninit
    fadd st0, st1               ; empty operands: NaN result
    fnstsw [scratch + 10]
    fninit
    fldz
    fld1
    fincstp
    fnstsw [scratch + 12]
    fdecstp
    fnstsw [scratch + 14]
    ffree st1
    fnstenv [scratch + 64]      ; fcw fsw ftw: tag of physical 7 empty now
    fldz
    ffreep st0
    fnstenv [scratch + 96]
    mov dword [scratch + 64 + 12], 0  ; FIP/FDP/FOP: not compared (CPU-specific updating)
    mov dword [scratch + 64 + 16], 0
    mov dword [scratch + 64 + 20], 0
    mov dword [scratch + 96 + 12], 0
    mov dword [scratch + 96 + 16], 0
    mov dword [scratch + 96 + 20], 0
    fninit
    xor eax, eax
%include "epilogue.inc"
