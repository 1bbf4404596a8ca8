; tzcnt: counts trailing zeros; CF = (source == 0), ZF = (result == 0).
; EXPECT rax=32 rbx=0 rcx=4 rdx=0x1111111111110010 rsi=63 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov ebx, 1
    tzcnt rbx, rbx                ; 0, ZF
    mov ecx, 0x30
    tzcnt cx, cx                  ; 4
    mov rdx, 0x1111111111111111
    tzcnt dx, [rel scratch]       ; 16 (zero source)
    mov rsi, 0x8000000000000000
    mov [rel scratch + 8], rsi
    tzcnt rsi, [rel scratch + 8]  ; 63
    tzcnt eax, eax                ; 32, CF
%include "epilogue.inc"
