; 8/16-bit ops on registers: each runs in place on the register's low byte/word (no
; zero-extended copy and merge back); cmp on a byte register is one host cmp
BITS 64
org 0x400000
    rol di, 8
    and di, [rsp]
    shr r9w, 8
    add sil, 3
    xor cx, dx
    cmp r15b, 0xb5
    ja done
done:
