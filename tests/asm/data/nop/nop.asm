; nop forms change nothing: 90, 66 90, the multi-byte 0F 1F /0 with memory operands
; (never accessed: rax is not a valid address here), pause, endbr64, fences, prefetches.
; EXPECT rax=0x1234 rbx=0x5678 rcx=0xffffffffffffffff rsi=0x9abc
; EXPECT mem[0]=0x1122334455667788
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    mov rax, 0x1234
    mov rbx, 0x5678
    mov rcx, -1
    mov rsi, 0x9abc
    mov rdx, 0x1122334455667788
    mov [scratch], rdx
    mov rdx, 0
    push 0x8d5
    popfq
    nop
    db 0x66, 0x90                                       ; xchg ax, ax = nop
    db 0x0f, 0x1f, 0x00                                 ; nop dword [rax]
    db 0x0f, 0x1f, 0x40, 0x00                           ; nop dword [rax + 0]
    db 0x0f, 0x1f, 0x44, 0x00, 0x00                     ; nop dword [rax + rax*1 + 0]
    db 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00               ; nop word [rax + rax*1 + 0]
    db 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00         ; nop dword [rax + 0]  (disp32)
    db 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00   ; nop dword [rax + rax*1 + 0]
    db 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 ; nop word cs:[rax + rax*1]
    db 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00
    nop ecx
    nop qword [rbx + rsi*8 + 0x100]
    pause
    endbr64
    lfence
    mfence
    sfence
    prefetcht0 [scratch]
    prefetcht1 [scratch + 64]
    prefetcht2 [scratch + 128]
    prefetchnta [scratch + 192]
    prefetchw [scratch]
%include "epilogue.inc"
