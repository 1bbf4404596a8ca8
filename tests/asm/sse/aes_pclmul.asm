; AES-NI and PCLMULQDQ (cpuid reports them when the host has them). FIPS-197 appendix
; C.1, AES-128: key 000102..0f, plaintext 00112233..ff, ciphertext 69c4e0d8 6a7b0430
; d8cdb780 70b4c55a (mem[0], mem[8]), with the key schedule from aeskeygenassist and ten
; rounds of aesenc/aesenclast (one round key from memory); then the decryption with
; aesimc/aesdec/aesdeclast back to the plaintext (mem[16], mem[24]); then carry-less
; products for each imm8 selector, register and memory forms. The loop runs 60 times so
; the auto tier translates it.
; REQUIRES-CPU aes pclmulqdq
; EXPECT mem[0]=0x30047b6ad8e0c469 mem[8]=0x5ac5b47080b7cdd8
; EXPECT mem[16]=0x7766554433221100 mem[24]=0xffeeddccbbaa9988
; EXPECT mem[32]=0x37ce2b0f64c8b9c8 mem[40]=0x7a8366420ba7d6a7 mem[48]=0x6df7455908abcbb5 mem[56]=0x4e817ea62bddf04a
; EXPECT mem[64]=0xb45e76c4ef91d0c0 mem[72]=0x08e0ca23603e5f72 mem[80]=0x275889f0dcb3fdb8 mem[88]=0x0d2e09d4cdcf65b5
; EXPECT mem[96]=0x1111141415154040 mem[104]=0x0101040405051010
; EXPECT mem[112]=0x2e8cf8108cf8b52e mem[120]=0x1b8293668293c31b mem[128]=0x015dde0239937dd7 mem[136]=0x0e712a77c66c8228
; EXPECT rcx=0x0
%include "prologue.inc"
    mov ecx, 60
again:
    movdqu xmm1, [rel key]
    movdqu [rel scratch + 256], xmm1
%assign i 1
%rep 10
  %if i == 9
    aeskeygenassist xmm2, xmm1, 0x1b
  %elif i == 10
    aeskeygenassist xmm2, xmm1, 0x36
  %else
    aeskeygenassist xmm2, xmm1, (1 << (i - 1))
  %endif
    call expand
    movdqu [rel scratch + 256 + 16 * i], xmm1
%assign i i + 1
%endrep
    ; encrypt
    movdqu xmm0, [rel plain]
    pxor xmm0, [rel scratch + 256]
    aesenc xmm0, [rel scratch + 256 + 16]
%assign i 2
%rep 8
    movdqu xmm5, [rel scratch + 256 + 16 * i]
    aesenc xmm0, xmm5
%assign i i + 1
%endrep
    movdqu xmm5, [rel scratch + 256 + 160]
    aesenclast xmm0, xmm5
    movdqu [rel scratch + 0], xmm0
    ; decrypt (the equivalent inverse cipher: aesimc of the middle round keys)
    movdqa xmm4, xmm0
    pxor xmm4, [rel scratch + 256 + 160]
%assign i 9
%rep 9
    aesimc xmm5, [rel scratch + 256 + 16 * i]
    aesdec xmm4, xmm5
%assign i i - 1
%endrep
    movdqu xmm5, [rel scratch + 256]
    aesdeclast xmm4, xmm5
    movdqu [rel scratch + 16], xmm4
    ; carry-less multiplication
    movdqu xmm6, [rel ca]
    movdqu xmm7, [rel cb]
%assign k 0
%rep 4
    movdqa xmm8, xmm6
  %if k == 0
    pclmulqdq xmm8, xmm7, 0x00
  %elif k == 1
    pclmulqdq xmm8, xmm7, 0x01
  %elif k == 2
    pclmulqdq xmm8, xmm7, 0x10
  %else
    pclmulqdq xmm8, [rel cb], 0x11
  %endif
    movdqu [rel scratch + 32 + 16 * k], xmm8
%assign k k + 1
%endrep
    movdqa xmm9, xmm7
    pclmulqdq xmm9, xmm9, 0x11      ; a square (both operands the same register)
    movdqu [rel scratch + 96], xmm9
    aeskeygenassist xmm10, xmm7, 0xa5
    movdqu [rel scratch + 112], xmm10
    aesimc xmm11, xmm6
    movdqu [rel scratch + 128], xmm11
    dec ecx
    jnz again
    jmp done
expand:                             ; xmm1 = the previous round key, xmm2 = keygenassist
    pshufd xmm2, xmm2, 0xff
    movdqa xmm3, xmm1
    pslldq xmm3, 4
    pxor xmm1, xmm3
    pslldq xmm3, 4
    pxor xmm1, xmm3
    pslldq xmm3, 4
    pxor xmm1, xmm3
    pxor xmm1, xmm2
    ret
section .data
align 16
key:    db 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f
plain:  db 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
ca:     dq 0x87654321fedcba98, 0xdeadbeef01234567
cb:     dq 0xf0e1d2c3b4a59687, 0x1122334455667788
section .text
done:
%include "epilogue.inc"
