; cld / std set and clear only DF (checked by the runner in the final flags and here with
; pushfq); the final state has DF set, CF set.
; EXPECT mem[0]=0x400 mem[8]=0x0 mem[16]=0x400
; EXPECT flags=CF,DF
%include "prologue.inc"
    push 0x1
    popfq
    std
    pushfq
    pop rax
    and rax, 0x400
    mov [scratch], rax
    cld
    pushfq
    pop rax
    and rax, 0x400
    mov [scratch + 8], rax
    std
    std
    pushfq
    pop rax
    and rax, 0x400
    mov [scratch + 16], rax
    mov rax, 0
    push 0x1
    popfq                           ; clears DF again
    std                             ; the runner sees DF set in the final flags
%include "epilogue.inc"
