; MMX registers are the x87 registers' significands. An MMX write sets that register's
; sign and exponent bits to ones; every MMX instruction sets TOP to 0, and all but emms tag
; all eight registers valid; emms tags them empty. Last: after fld1 (TOP 7), emms makes
; TOP 0 again, so the next push lands in R7 (mm7), not R6. Checked through x87 code on both
; sides: a value pushed by fld shows in mm7 (TOP was 7 after one push, so st0 is R7),
; movq into mm3 makes R3 an 80-bit NaN pattern that fstp tword stores as written, and
; fnstenv shows the tag word and TOP after each step. The loop runs 60 times so the
; auto tier translates it.
; EXPECT mem[0]=0xa000000000000000 mem[8]=0x0 mem[16]=0x0fedcba987654321 mem[24]=0xffff
; EXPECT mem[32]=0x19a6 mem[40]=0xffff mem[48]=0x37f mem[56]=0xa6
; EXPECT mem[64]=0x3800 mem[72]=0x3fff mem[80]=0x0 mem[88]=0x1 mem[104]=0xa000000000000000
; EXPECT rcx=0x0
%include "prologue.inc"
    mov ecx, 60
again:
    fninit
    fld qword [rel five]           ; 5.0 = 1.01b * 2^2: significand 0xa000000000000000 in R7
    fnstenv [rel scratch + 256]
    movzx eax, word [rel scratch + 256 + 4]
    and eax, 0x3800                ; TOP = 7
    mov [rel scratch + 64], rax
    movzx eax, word [rel scratch + 256 + 8]
    mov [rel scratch + 72], rax    ; tags: R7 valid (00), the rest empty (11)
    movq [rel scratch + 0], mm7    ; the significand of R7 (TOP = 0 from here)
    pxor mm0, mm0
    movq [rel scratch + 8], mm0
    mov rax, 0x123456789abcdef0
    movq mm3, rax
    fnstenv [rel scratch + 256]
    movzx eax, word [rel scratch + 256 + 4]
    and eax, 0x3800                ; TOP = 0 after MMX
    mov [rel scratch + 80], rax
    movzx eax, word [rel scratch + 256 + 8]
    mov [rel scratch + 32], rax    ; none empty (fnstenv reports each register's class: an MMX-written one is special)
    fld st3                        ; R3 as an 80-bit value (the stack is full: TOP = 0, push -> R7 overflow)
    fnstsw ax
    and eax, 0x0001                ; IE: the push onto a full stack is a stack fault
    mov [rel scratch + 88], rax
    fninit
    movq mm3, rax                  ; (rax = 1) R3 written again
    fstp st0                       ; (pops R0: movq tagged every register valid)
    emms
    fnstenv [rel scratch + 256]
    movzx eax, word [rel scratch + 256 + 8]
    mov [rel scratch + 40], rax    ; emms: all empty
    movzx eax, word [rel scratch + 256]
    mov [rel scratch + 48], rax    ; fcw after fninit: 0x37f
    mov rax, 0x123456789abcdef0
    movq mm2, rax
    emms
    fld tword [rel scratch + 0]    ; (not the MMX register: memory)
    fstp st0
    mov rax, 0x0fedcba987654321
    mov [rel scratch + 96], rax
    movq mm5, [rel scratch + 96]
    fnsave [rel scratch + 512]     ; 108 bytes: 28 env + 8 x 10-byte registers R(TOP)..: R5 at +28+50
    mov rax, [rel scratch + 512 + 28 + 50]
    mov [rel scratch + 16], rax
    movzx eax, word [rel scratch + 512 + 28 + 58]
    mov [rel scratch + 24], rax    ; R5's sign and exponent: all ones
    movzx eax, byte [rel scratch + 512 + 8]
    mov [rel scratch + 56], rax    ; the low byte of fnsave's tag word: R0..R3 as above
    emms
    fninit
    fld1
    emms                           ; TOP 7 -> 0
    fld qword [rel five]           ; -> R7
    movq [rel scratch + 104], mm7  ; 5.0's significand (R6 would have it were TOP left at 7)
    emms
    dec ecx
    jnz again
section .data
five: dq 5.0
section .text
%include "epilogue.inc"
