; fld/fst/fstp m32/m64/m80/st(i), fild/fist/fistp/fisttp m16/m32/m64, constants, fxch.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x8000000000000000 mem[8]=0x0000000000003fff mem[16]=0x400921fb54442d18 mem[24]=0x0000000040490fdb
; EXPECT mem[32]=0xc90fdaa22168c235 mem[40]=0x0000000000004000 mem[56]=0xb17217f7d1cf79ac mem[64]=0x0000000000003ffe
; EXPECT mem[72]=0x9a209a84fbcff799 mem[80]=0x0000000000003ffd mem[88]=0xd49a784bcd1b8afe mem[96]=0x0000000000004000
; EXPECT mem[104]=0xb8aa3b295c17f0bc mem[112]=0x0000000000003fff mem[128]=0x0000012cffffcfc7 mem[136]=0x0123456789abcdef
; EXPECT mem[144]=0x0123456789abcdef mem[152]=0x0000ffffcfc7cfc7 mem[160]=0x000003ae000003ae mem[168]=0x00000003fffffffd
; EXPECT mem[184]=0x400921fb54442d18
%include "prologue.inc"
    fld1
    fstp tword [scratch]            ; 80-bit 1.0
    fldpi
    fst qword [scratch + 16]        ; pi rounded to double
    fst dword [scratch + 24]        ; pi rounded to float
    fstp tword [scratch + 32]       ; pi, 64-bit mantissa
    fldl2e
    fldl2t
    fldlg2
    fldln2
    fldz
    fstp qword [scratch + 48]
    fstp tword [scratch + 56]       ; ln2
    fstp tword [scratch + 72]       ; lg2
    fstp tword [scratch + 88]       ; l2t
    fstp tword [scratch + 104]      ; l2e
    mov dword [scratch + 128], -12345
    fild dword [scratch + 128]
    mov word [scratch + 132], 300
    fild word [scratch + 132]
    mov rax, 0x123456789abcdef
    mov [scratch + 136], rax
    fild qword [scratch + 136]
    fistp qword [scratch + 144]     ; exact
    fxch st1                        ; st0 = -12345, st1 = 300
    fist word [scratch + 152]
    fistp dword [scratch + 154]
    fld tword [scratch + 32]        ; pi
    fmul st0, st1                   ; 300 pi = 942.47...
    fist dword [scratch + 160]      ; round to nearest: 942
    fisttp word [scratch + 164]     ; truncate: 942
    fld dword [scratch + 24]
    fld st0
    fchs
    fisttp dword [scratch + 168]    ; -3
    fistp qword [scratch + 172]     ; 3
    fld qword [scratch + 16]
    fstp st1                        ; replace 300 with pi (double)
    fstp qword [scratch + 184]
    xor eax, eax
%include "epilogue.inc"
