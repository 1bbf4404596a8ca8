; fxsave/fxrstor: the 512-byte layout (FCW FSW abridged FTW FOP FIP FDP MXCSR MXCSR_MASK,
; ST0-7 in 16-byte slots, XMM0-15), and a round trip that loads XMM registers and MXCSR.
; EXPECT rax=0
; EXPECT rdx=0x4024e0 rsi=0x4020e0 rdi=0x402440
; EXPECT flags=PF,ZF
; EXPECT mem[0]=0x000000c03000037f mem[24]=0x0000ffff00001f80 mem[32]=0x8000000000000000 mem[40]=0x0000000000004001
; EXPECT mem[48]=0xc90fdaa22168c235 mem[56]=0x0000000000004000 mem[144]=0x8000000000000000 mem[152]=0x0000000000003fff
; EXPECT mem[160]=0x0000ffff00003f80 mem[168]=0x0101010101010101 mem[176]=0x4040404040000000 mem[184]=0x000000c030000c7f
; EXPECT mem[192]=0x0000000000000004 mem[200]=0x0000000000000003 mem[208]=0x0000000000000003
%include "prologue.inc"
section .data
align 16
d3:   dq 3.0
section .text
    fldpi
    fld qword [d3]
    fld1
    faddp st1, st0          ; 4, pi
    fxsave [scratch]
    and dword [scratch + 28], 0xffff    ; MXCSR_MASK is the host's: AMD adds MM (bit 17)
    ; prepare an image at scratch+1024 with XMM0..15 = distinct patterns, MXCSR = round down
    lea rdi, [scratch + 1024]
    mov rax, [scratch]
    mov [rdi], rax
    mov rax, [scratch + 8]
    mov [rdi + 8], rax
    mov rax, [scratch + 16]
    mov [rdi + 16], rax
    mov dword [rdi + 24], 0x3f80
    mov dword [rdi + 28], 0
    mov ecx, 32
    mov rax, 0x0101010101010101
    lea rsi, [rdi + 160]
.fill:
    mov [rsi], rax
    add rsi, 8
    add rax, rax
    dec ecx
    jnz .fill
    mov ecx, 16
    lea rsi, [scratch + 32]
    lea rdx, [rdi + 32]
.copy:
    mov rax, [rsi]
    mov [rdx], rax
    add rsi, 8
    add rdx, 8
    dec ecx
    jnz .copy
    mov word [rdi], 0x0c7f      ; fcw: round toward zero
    fninit
    fxrstor [rdi]
    fxsave64 [scratch + 256]    ; not in the compared window: copy bits of it below
    mov rax, [scratch + 256 + 24]   ; MXCSR, MXCSR_MASK
    mov [scratch + 160], rax
    and dword [scratch + 164], 0xffff   ; (the host's mask, as above)
    mov rax, [scratch + 256 + 160]  ; xmm0 low
    mov [scratch + 168], rax
    mov rax, [scratch + 256 + 400]  ; xmm15 high
    mov [scratch + 176], rax
    mov ax, [scratch + 256]         ; fcw
    mov [scratch + 184], ax
    mov ax, [scratch + 256 + 2]     ; fsw
    mov [scratch + 186], ax
    mov ax, [scratch + 256 + 4]     ; abridged ftw
    mov [scratch + 188], ax
    fistp qword [scratch + 192]     ; st0 = 4 (no change in rounding)
    fldpi
    fistp qword [scratch + 200]     ; pi rounded toward zero
    fistp qword [scratch + 208]     ; pi (the restored st1), toward zero
    mov dword [scratch + 8], 0      ; FIP/FDP/FOP: CPU-specific updating, not compared
    mov dword [scratch + 12], 0
    mov dword [scratch + 16], 0
    mov dword [scratch + 20], 0
    mov word [scratch + 6], 0
    mov rax, [scratch + 256 + 8]
    mov rcx, [scratch + 256 + 16]
    xor eax, eax
    xor ecx, ecx
%include "epilogue.inc"
