; cmpss/cmpsd/cmpps/cmppd with each predicate 0..7, ucomisd/ucomiss/comisd/comiss flags
; for less, equal, greater and unordered (NaN) operands.
; EXPECT rax=0xc0600000ffffffff rcx=0x7ff8000000000000 rdx=0x712 rbx=0xffffffffffffffff
; EXPECT rsi=0x1201 flags= mem[0]=0xffffffff00000000 mem[16]=0x00000000ffffffff
; EXPECT mem[32]=0xffffffffffffffff mem[56]=0xffffffff00000000 mem[64]=0x00000000ffffffff mem[72]=0xffffffffffffffff
; EXPECT mem[80]=0xffffffff00000000 mem[88]=0xffffffffffffffff mem[104]=0xffffffffffffffff mem[112]=0xffffffffffffffff
; EXPECT mem[120]=0x00000000ffffffff mem[184]=0xffffffffffffffff mem[192]=0xffffffffffffffff mem[200]=0xffffffffffffffff
; EXPECT mem[208]=0xffffffffffffffff mem[216]=0xffffffffffffffff mem[224]=0xffffffffffffffff mem[232]=0xffffffffffffffff
; EXPECT mem[240]=0xffffffffffffffff
%include "prologue.inc"
    movapd xmm0, [rel da]
    movapd xmm1, [rel db]
    movaps xmm2, [rel fa]
    movaps xmm3, [rel fb]
%assign p 0
%rep 8
    movdqa xmm4, xmm2
    cmpps xmm4, xmm3, p
    movdqu [rel scratch + p*16], xmm4
    movdqa xmm4, xmm0
    cmppd xmm4, [rel db], p
    movdqu [rel scratch + 128 + p*16], xmm4
%assign p p+1
%endrep
    movdqa xmm4, xmm2
    cmpss xmm4, xmm3, 1
    movq rax, xmm4
    movdqa xmm4, xmm0
    cmpsd xmm4, xmm1, 6
    movq rbx, xmm4
    pextrq rcx, xmm4, 1
    ; flags: rdx/rsi/rdi/r8 collect CF ZF PF bits as 3-bit numbers
%macro FL 4  ; insn, a, b, reg
    %1 %2, %3
    setc r9b
    setz r10b
    setp r11b
    movzx r9d, r9b
    movzx r10d, r10b
    movzx r11d, r11b
    shl %4, 4
    or %4, r9
    lea %4, [%4 + r10*2]
    lea %4, [%4 + r11*4]
%endmacro
    FL ucomisd, xmm0, xmm1, rdx             ; 1.5 vs 0.3: greater
    movhlps xmm5, xmm0
    movhlps xmm6, xmm1
    FL ucomisd, xmm5, xmm6, rdx             ; nan vs 4
    FL comisd, xmm1, xmm0, rdx              ; less
    FL comisd, xmm0, [rel da], rdx          ; equal
    FL ucomiss, xmm2, xmm3, rsi             ; 1 vs 3
    FL ucomiss, xmm3, [rel fb], rsi         ; equal
    FL comiss, xmm3, xmm2, rsi
    shufps xmm5, xmm2, 0xff                  ; nan
    FL ucomiss, xmm5, xmm2, rsi
    ucomisd xmm0, xmm1
    xor r9d, r9d
    xor r10d, r10d
    xor r11d, r11d
    ucomisd xmm0, xmm1
%include "epilogue.inc"
section .data
align 16
da: dq 1.5, __?QNaN?__
db: dq 0.3, 4.0
fa: dd 1.0, -3.5, 7.0, __?QNaN?__
fb: dd 3.0, -3.5, 2.0, 1.0
