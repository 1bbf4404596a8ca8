; The wait-prefixed forms (finit, fclex, fstsw, fstcw, fstenv, fsave) decode as fwait plus
; the no-wait instruction; fnop and the 8087/287 no-ops; fstp st(i) aliases.
; EXPECT rax=0x3800
; EXPECT rax=0x3800
; EXPECT flags=
; EXPECT mem[0]=0x00003800037f0000 mem[16]=0xc90fdaa22168c235 mem[24]=0x0000000000004000 mem[64]=0xffff3800ffff037f
; EXPECT mem[72]=0x00000000ffffbfff mem[88]=0x00000000ffff0000 mem[128]=0xffff3800ffff037f mem[136]=0x00000000ffffbfff
; EXPECT mem[152]=0x00000000ffff0000 mem[160]=0x0000ffffc0000000 mem[224]=0xdaa22168c2350000 mem[232]=0x000000004000c90f
%include "prologue.inc"
    fld1
    fldz
    finit
    fstsw [scratch]             ; 0
    fstcw [scratch + 2]         ; 0x037f
    fld1
    fnop
    db 0xdb, 0xe0               ; feni (287: nop)
    db 0xdb, 0xe1               ; fdisi
    db 0xdb, 0xe4               ; fsetpm
    fldpi
    db 0xd9, 0xd9               ; fstp1 st(1): alias of fstp st(1)
    fstp tword [scratch + 16]   ; pi
    fldz
    fdiv st0, st0               ; 0/0: IE
    fclex
    fstsw [scratch + 4]         ; IE cleared, TOP 7
    fstenv [scratch + 64]
    fsave [scratch + 128]       ; then initialised
    mov dword [scratch + 64 + 12], 0
    mov dword [scratch + 64 + 20], 0
    mov dword [scratch + 128 + 12], 0
    mov dword [scratch + 128 + 20], 0
    fld1
    fstsw ax                    ; TOP 7
%include "epilogue.inc"
