; fnstenv/fldenv and fnsave/frstor: layout, the masking side effect of fnstenv, fnsave's
; re-initialisation, and restoring an edited image (precision control, TOP, registers).
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0xffff3000ffff037f mem[8]=0x00000000ffff0fff mem[24]=0x00000000ffff0000 mem[32]=0xffff3000ffff007f
; EXPECT mem[40]=0x00000000ffff0fff mem[56]=0x2168c235ffff0000 mem[64]=0x00004000c90fdaa2 mem[72]=0x4000c00000000000
; EXPECT mem[144]=0xf476450000000000 mem[152]=0x0000000000003ffe mem[160]=0xc90fdaa22168c235 mem[168]=0x0000000000004000
; EXPECT mem[176]=0xf476450000000000 mem[184]=0x0000000000003ffe mem[240]=0x0000037f0b7f0b72 mem[248]=0x00000b7f0b723000
%include "prologue.inc"
section .data
align 16
d3:   dq 3.0
section .text
    mov word [scratch + 240], 0x0b72    ; round up, unmask ZE and DE
    fldcw [scratch + 240]
    fld qword [d3]
    fldpi
    fnstenv [scratch]                   ; 28 bytes
    mov ax, [scratch]                   ; the stored fcw is the unmasked one
    mov [scratch + 250], ax
    fnstcw [scratch + 242]              ; all masked now: 0x0b7f
    fnsave [scratch + 32]               ; 108 bytes, then fninit
    fnstcw [scratch + 244]              ; 0x037f
    fnstsw [scratch + 246]              ; 0
    mov ax, [scratch + 32]
    mov [scratch + 252], ax
    mov word [scratch + 32], 0x007f     ; edit the image: 24-bit precision
    frstor [scratch + 32]
    fdivp st1, st0                      ; 3 / pi at 24 bits
    fstp tword [scratch + 144]
    mov word [scratch], 0x037f
    fldenv [scratch]                    ; tags say 2 valid registers (stale contents)
    fnstsw [scratch + 248]
    fstp tword [scratch + 160]          ; physical register contents survived fninit? no:
    fstp tword [scratch + 176]          ; frstor reloaded them above, fdivp/fstp left them
    fninit
    mov dword [scratch + 12], 0         ; FIP/FDP: not compared
    mov dword [scratch + 20], 0
    mov dword [scratch + 32 + 12], 0
    mov dword [scratch + 32 + 20], 0
    xor eax, eax
%include "epilogue.inc"
