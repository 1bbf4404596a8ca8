; Bit scans as glibc's string functions use them (pmovmskb; bsf): the index, and the
; destination left alone for a zero source (bsf) or the operand width (tzcnt).
BITS 64
org 0x400000
    bsf eax, ecx
    tzcnt rdx, rsi
    bsr r8d, edi
    add rax, rdx
    jmp done
done:
