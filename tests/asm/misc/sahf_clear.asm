; sahf with ah = 0 clears SF ZF AF PF CF and leaves OF set; reserved bits of ah ignored.
; EXPECT rax=0x2a00 flags=OF
%include "prologue.inc"
    push 0x8d5
    popfq
    mov eax, 0x2a00                 ; bits 1, 3, 5 of ah are not flags
    sahf
%include "epilogue.inc"
