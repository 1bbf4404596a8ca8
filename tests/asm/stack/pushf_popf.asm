; pushfq/popfq round trip of all status flags and DF; the pushed image of the status flags
; and DF (bit 10) is checked in memory after masking out the system bits (IF, bit 1).
; EXPECT mem[0]=0xcd5 mem[8]=0x0 mem[16]=0x400
; EXPECT rax=0xcd5
; EXPECT flags=CF,PF,AF,ZF,SF,OF
%include "prologue.inc"
    push 0xcd5                      ; all status flags + DF
    popfq
    pushfq
    pop rax
    mov [scratch], rax
    and qword [scratch], 0xcd5      ; CF PF AF ZF SF DF OF
    cld
    pushfq
    pop rbx
    and rbx, 0x400                  ; DF clear now
    mov [scratch + 8], rbx
    std
    pushfq
    pop rcx
    and rcx, 0x400
    mov [scratch + 16], rcx
    cld
    push 0xcd5
    popfq                           ; DF set again by popfq ...
    pushfq
    pop rax
    and rax, 0xcd5
    push 0x8d5
    popfq                           ; ... and cleared, status flags all set
    mov rbx, 0
    mov rcx, 0
%include "epilogue.inc"
