; rep movsb (String op through the helper)
BITS 64
org 0x400000
    cld
    rep movsb
    jmp done
done:
