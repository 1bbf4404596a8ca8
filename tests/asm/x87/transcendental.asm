; fsin fcos fsincos fptan fpatan fyl2x fyl2xp1 f2xm1 fscale fxtract fprem fprem1 frndint
; fsqrt fbld fbstp: host-exact 80-bit results.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xa4eb734a30cdc035 mem[8]=0x0000000000003ffe mem[16]=0xc3ccb294fcec951c mem[24]=0x0000000000003ffe
; EXPECT mem[32]=0xc3ccb294fcec951c mem[40]=0x0000000000003ffe mem[48]=0xa4eb734a30cdc035 mem[56]=0x0000000000003ffe
; EXPECT mem[64]=0x8000000000000000 mem[72]=0x0000000000003fff mem[80]=0xd7a03617e3c56d2e mem[88]=0x0000000000003ffe
; EXPECT mem[96]=0xeabbc6a27e83a0b1 mem[104]=0x0000000000003ffc mem[112]=0x94d2876842c6783d mem[120]=0x0000000000004000
; EXPECT mem[128]=0x892f0f41b4d9d302 mem[136]=0x0000000000003ffe mem[144]=0x9fdf8bcce533d385 mem[152]=0x0000000000003ffe
; EXPECT mem[160]=0xb333333333333000 mem[168]=0x0000000000003fff mem[176]=0x8000000000000000 mem[184]=0x0000000000004000
; EXPECT mem[192]=0xc000000000000000 mem[200]=0x000000000000bfff mem[208]=0xc000000000000000 mem[216]=0x000000000000bfff
; EXPECT mem[224]=0x00370368fffe1dc0 mem[232]=0x0000800000000000 mem[240]=0x0000000070207020
%include "prologue.inc"
section .data
align 16
d07:  dq 0.7
d10:  dq 10.0
d3:   dq 3.0
dm75: dq -7.5
bcd:  db 0x56, 0x34, 0x12, 0, 0, 0, 0, 0, 0, 0x80   ; packed BCD -123456
section .text
    fld qword [d07]
    fsin
    fstp tword [scratch]
    fld qword [d07]
    fcos
    fstp tword [scratch + 16]
    fld qword [d07]
    fsincos
    fstp tword [scratch + 32]   ; cos
    fstp tword [scratch + 48]   ; sin
    fld qword [d07]
    fptan
    fstp tword [scratch + 64]   ; 1.0
    fstp tword [scratch + 80]   ; tan
    fld qword [d07]
    fld qword [d3]
    fpatan                      ; atan(0.7 / 3)
    fstp tword [scratch + 96]
    fld qword [d07]
    fld qword [d10]
    fyl2x                       ; 0.7 * log2(10)
    fstp tword [scratch + 112]
    fld qword [d07]
    fld qword [d07]
    fyl2xp1
    fstp tword [scratch + 128]
    fld qword [d07]
    f2xm1
    fstp tword [scratch + 144]
    fld qword [d3]
    fld qword [d07]
    fscale                      ; 0.7 * 2^3
    fstp st1
    fxtract                     ; 5.6 -> exponent 2, significand 1.4
    fstp tword [scratch + 160]
    fstp tword [scratch + 176]
    fld qword [d3]
    fld qword [dm75]
    fprem                       ; -7.5 rem 3 = -1.5 (C bits: quotient)
    fnstsw [scratch + 240]
    fstp tword [scratch + 192]
    fld qword [dm75]
    fprem1                      ; -7.5 - 3 * round(-2.5) = -1.5 or 1.5
    fnstsw [scratch + 242]
    fstp tword [scratch + 208]
    fstp st0
    fbld [bcd]
    fld st0
    fistp dword [scratch + 224]
    fld qword [d3]
    fmulp st1, st0
    fbstp [scratch + 228]       ; -370368 packed BCD
    xor eax, eax
%include "epilogue.inc"
