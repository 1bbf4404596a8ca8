; The native tier keeps copies of xmm registers in host xmm registers within a block
; (write-through): reads come from the copies. They must follow every way a slot is
; written: a vector op, a load, movq from a GPR, a partial write through a helper
; (movlps/movhps, pinsrw, addps), a guest call whose callee changes xmm registers, and
; the zero/all-ones idioms on a register that held something else. Each result lands in
; scratch; the loop runs 60 times so the auto tier translates it too.
; EXPECT rcx=0x0 rdx=0x7fee rax=0xd0815a18 rbx=0xffff
; EXPECT mem[0]=0x0 mem[8]=0x0 mem[16]=0xffffffffffffffff mem[24]=0xffffffffffffffff
; EXPECT mem[32]=0x1111111111111111 mem[40]=0x2222222222222222 mem[48]=0x5555555555555555 mem[56]=0x2222222222222222
; EXPECT mem[64]=0x7777777777777777 mem[72]=0x2222222222222222 mem[80]=0x1111111111117fee mem[88]=0x2222222222222222
; EXPECT mem[96]=0x3f8000003f800000 mem[104]=0x3f8000003f800000 mem[112]=0x4040404040404040 mem[120]=0x4040404040404040
; EXPECT mem[128]=0x1111111111111111 mem[136]=0x2222222222222222 mem[144]=0x3333333333333333 mem[152]=0x5555555555555555
; EXPECT mem[160]=0x4040404040404040 mem[168]=0x4040404040404040
; EXPECT flags=PF,ZF
%include "prologue.inc"
    mov ecx, 60
again:
    movdqu xmm0, [rel pat]          ; 1111.. / 2222..
    movdqu xmm1, [rel pat2]         ; 3333.. / 4444..
    movdqa xmm2, xmm0
    pxor xmm2, xmm2                 ; zero, though xmm2 held pat
    movdqu [rel scratch + 0], xmm2
    movdqa xmm3, xmm1
    pcmpeqd xmm3, xmm3              ; all ones, though xmm3 held pat2
    movdqu [rel scratch + 16], xmm3
    movdqa xmm4, xmm0
    movlps xmm4, [rel pat2]         ; low half from memory (a helper), high half kept
    movhps xmm4, [rel pat5]
    movdqa xmm5, xmm4               ; must see both halves
    movdqu [rel scratch + 32], xmm0
    movdqu [rel scratch + 144], xmm5 ; 3333.. / 5555..
    mov rax, 0x5555555555555555
    movq xmm6, rax
    por xmm6, xmm0                  ; 5555|1111 = 5555.., high 2222 (movq zeroes it: 0|2222)
    movdqu [rel scratch + 48], xmm6
    movq xmm7, rax
    pinsrw xmm7, edx, 0             ; partial write (edx from the last round)
    movdqa xmm7, xmm0
    por xmm7, [rel pat7]            ; 1111|7777 = 7777.., 2222|0 = 2222..
    movdqu [rel scratch + 64], xmm7
    mov edx, 0x7fee
    movdqa xmm8, xmm0
    pinsrw xmm8, edx, 0             ; low word 7fee, the rest 1111../2222..
    movdqu [rel scratch + 80], xmm8
    movdqu [rel scratch + 160], xmm10 ; (read before the call: a copy of it is held)
    call clobber                    ; changes xmm9, xmm10 in the callee
    movdqu [rel scratch + 96], xmm9
    paddb xmm10, xmm10              ; 20.. + 20.. = 40..
    movdqu [rel scratch + 112], xmm10
    movdqu [rel scratch + 128], xmm0  ; xmm0 as loaded, after all that
    dec ecx
    jnz again
    movdqu xmm11, [rel scratch + 96]
    movq rax, xmm11
    mov rbx, 0xffff
    pmovmskb ebx, xmm3              ; 0xffff
    shr rax, 3
    xor eax, 0xd7715a18             ; (a checksum of xmm9's low half)
    cmp ecx, 0                      ; flags PF ZF
    jmp done
clobber:
    movdqu xmm9, [rel one]
    addps xmm9, [rel zero]          ; 1.0f x4 (a helper op)
    movdqu xmm10, [rel twenty]
    ret
done:
section .data
align 16
pat:    dq 0x1111111111111111, 0x2222222222222222
pat2:   dq 0x3333333333333333, 0x4444444444444444
pat5:   dq 0x5555555555555555, 0x6666666666666666
pat7:   dq 0x7777777777777777, 0x0
one:    dd 1.0, 1.0, 1.0, 1.0
zero:   dd 0.0, 0.0, 0.0, 0.0
twenty: dq 0x2020202020202020, 0x2020202020202020
%include "epilogue.inc"
