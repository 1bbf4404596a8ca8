; lzcnt: counts leading zeros; CF = (source == 0), ZF = (result == 0).
; EXPECT rax=64 rbx=0 rcx=15 rdx=0x1111111111110010 rsi=31 flags=CF
; EXPECT-FLAGS-MASK CF,ZF
%include "prologue.inc"
    mov rbx, 0x8000000000000000
    lzcnt rbx, rbx                ; 0, ZF
    mov ecx, 1
    lzcnt cx, cx                  ; 15
    mov rdx, 0x1111111111111111
    lzcnt dx, [rel scratch]       ; 16 (zero source)
    mov dword [rel scratch + 8], 1
    lzcnt esi, [rel scratch + 8]  ; 31
    lzcnt rax, rax                ; 64, CF
%include "epilogue.inc"
