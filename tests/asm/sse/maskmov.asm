; maskmovq and maskmovdqu: bytes whose mask byte has its top bit set go to [rdi]; the
; others are left as they were (the destination is pre-filled with 0xee). Masks with no,
; some and all bytes selected, rdi unaligned, and the 32-bit address form (a32: [edi]).
; The loop runs 60 times so the auto tier translates it.
; EXPECT mem[0]=0x78eeee45ee23ee01 mem[8]=0x4534231201eeeeee mem[16]=0xeeeeeeeeee786756 mem[24]=0xeeeeeeeeeeeeeeee
; EXPECT mem[48]=0xeeee56ee34eeee01 mem[56]=0xeeefeeeeeeee9a89 mem[64]=0x45ee2312eeeeeeee mem[72]=0xcdbcabeeeeee67ee
; EXPECT mem[80]=0xeeeeeeeeeef0eeee mem[96]=0x78eeee45ee23ee01 mem[104]=0xeeeeeeeeeeeeeeee
; EXPECT rcx=0x0
%include "prologue.inc"
    mov ecx, 60
again:
    lea rdi, [rel scratch]
    mov rax, 0xeeeeeeeeeeeeeeee
%assign i 0
%rep 16
    mov [rdi + 8 * i], rax
%assign i i + 1
%endrep
    movq mm0, [rel data]
    movq mm1, [rel mask1]
    maskmovq mm0, mm1                 ; some bytes
    add rdi, 11
    movq mm1, [rel mask_all]
    maskmovq mm0, mm1                 ; all, unaligned
    add rdi, 13
    movq mm1, [rel mask_none]
    maskmovq mm0, mm1                 ; none
    lea rdi, [rel scratch + 48]
    movdqu xmm0, [rel data]
    movdqu xmm1, [rel mask16]
    maskmovdqu xmm0, xmm1             ; some of 16
    lea rdi, [rel scratch + 67]
    movdqu xmm1, [rel mask16b]
    maskmovdqu xmm0, xmm1             ; others, unaligned
    lea rdi, [rel scratch + 96]       ; (scratch is in .bss below 4 GiB: edi is its address)
    movq mm1, [rel mask1]
    a32 maskmovq mm0, mm1
    emms
    dec ecx
    jnz again
    xor eax, eax
section .data
align 16
data:      db 0x01, 0x12, 0x23, 0x34, 0x45, 0x56, 0x67, 0x78, 0x89, 0x9a, 0xab, 0xbc, 0xcd, 0xde, 0xef, 0xf0
mask1:     db 0x80, 0x00, 0xff, 0x7f, 0x81, 0x01, 0x00, 0xc0
mask_all:  db 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80
mask_none: db 0x7f, 0x00, 0x01, 0x40, 0x3f, 0x00, 0x00, 0x7f
align 16
mask16:    db 0xff, 0, 0, 0x80, 0, 0x90, 0, 0, 0x80, 0x80, 0, 0, 0, 0, 0xa0, 0x01
mask16b:   db 0, 0xff, 0xff, 0, 0x80, 0, 0x80, 0x7f, 0, 0, 0x80, 0x80, 0xff, 0, 0, 0x80
section .text
%include "epilogue.inc"
