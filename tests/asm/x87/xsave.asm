; xsave/xsavec/xsaveopt/xrstor with components x87|SSE (edx:eax = 3 or 2): the legacy
; region, the header (XSTATE_BV, XCOMP_BV), and xrstor's init of a component whose
; XSTATE_BV bit is clear.
; EXPECT rax=0
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x0000000000000003 mem[16]=0x0000ffff00001f80 mem[24]=0x010203040506070a mem[32]=0xc90fdaa22168c235
; EXPECT mem[40]=0x0000000000c03000 mem[48]=0x0000000000000002 mem[56]=0x8000000000000002 mem[64]=0x0102030405060726
; EXPECT mem[80]=0x010203040506070c mem[88]=0x00000000037f0000 mem[96]=0x1111111111111111 mem[104]=0x0000000300000000
; EXPECT mem[112]=0x010203040506070a
%include "prologue.inc"
section .data
align 16
d3:   dq 3.0
section .text
    ; XMM registers get patterns through fxrstor (no SSE instructions needed).
    fxsave [scratch + 3072]
    mov ecx, 32
    mov rax, 0x0102030405060708
    lea rsi, [scratch + 3072 + 160]
.fill:
    mov [rsi], rax
    add rsi, 8
    inc rax
    dec ecx
    jnz .fill
    fxrstor [scratch + 3072]
    fld qword [d3]
    fldpi
    mov eax, 3
    xor edx, edx
    xsave [scratch + 1024]
    mov rax, [scratch + 1024 + 512]     ; XSTATE_BV
    mov [scratch], rax
    mov rax, [scratch + 1024 + 520]     ; XCOMP_BV (0)
    mov [scratch + 8], rax
    mov rax, [scratch + 1024 + 24]      ; MXCSR, MASK
    mov [scratch + 16], rax
    and dword [scratch + 20], 0xffff    ; MXCSR_MASK is the host's: AMD adds MM (bit 17)
    mov rax, [scratch + 1024 + 176]     ; xmm1 low
    mov [scratch + 24], rax
    mov rax, [scratch + 1024 + 32]      ; st0 mantissa
    mov [scratch + 32], rax
    mov ax, [scratch + 1024 + 2]        ; fsw
    mov [scratch + 40], ax
    mov ax, [scratch + 1024 + 4]        ; abridged ftw
    mov [scratch + 42], ax
    mov eax, 2                          ; SSE only, compacted
    xor edx, edx
    xsavec [scratch + 2048]
    mov rax, [scratch + 2048 + 512]
    mov [scratch + 48], rax
    mov rax, [scratch + 2048 + 520]
    mov [scratch + 56], rax
    mov rax, [scratch + 2048 + 400]     ; xmm15 high
    mov [scratch + 64], rax
    mov rax, [scratch + 2048 + 32]      ; x87 part not written: 0
    mov [scratch + 72], rax
    mov eax, 3
    xor edx, edx
    xsaveopt [scratch + 512]
    mov rax, [scratch + 512 + 192]      ; xmm2 low
    mov [scratch + 80], rax
    ; xrstor the first image with xmm1 edited and the x87 component marked initial
    mov rax, 0x1111111111111111
    mov [scratch + 1024 + 176], rax
    mov qword [scratch + 1024 + 512], 2
    mov eax, 3
    xor edx, edx
    xrstor [scratch + 1024]
    fnstsw [scratch + 88]               ; 0: x87 initialised
    fnstcw [scratch + 90]
    fxsave [scratch + 3072]
    mov rax, [scratch + 3072 + 176]     ; xmm1 low, from the image
    mov [scratch + 96], rax
    mov ax, [scratch + 3072 + 4]
    mov [scratch + 104], ax
    ; xrstor of the compacted SSE-only image, x87 untouched
    fld qword [d3]
    mov eax, 2
    xor edx, edx
    xrstor [scratch + 2048]
    fistp dword [scratch + 108]
    fxsave [scratch + 3072]
    mov rax, [scratch + 3072 + 176]     ; xmm1 low: the pattern again
    mov [scratch + 112], rax
    xor eax, eax
    xor ecx, ecx
    xor esi, esi
%include "epilogue.inc"
