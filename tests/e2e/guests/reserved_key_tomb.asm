; A conditional jump, not taken at first, whose target is 0xfffffffffffffffe (the code
; cache table's tombstone marker, once a crash in retrace: the key matched a tombstone
; and gave a deleted translation). Function P sits where that key hashes. Natively: "P", "R", "Q", "Q", then SIGSEGV (#GP on the jump).
BITS 64
ORG 0x400000
KT equ 0xfffffffffffffffe
%include "raw_elf.inc"
_start:
  mov r14d, 3
  call P
  mov eax, 10          ; mprotect(P's page, 4096, R|X): drops P's translation
  mov edi, 0x403000
  mov esi, 4096
  mov edx, 5
  syscall
R:
  mov eax, 1
  mov edi, 1
  lea rsi, [rel msgR]
  mov edx, 2
  syscall
  dec r14d
  jz done
  xor r12d, r12d
Qloop:
  mov eax, 1
  mov edi, 1
  lea rsi, [rel msgQ]
  mov edx, 2
  syscall
  inc r12d
  cmp r12d, 2
  db 0x0f, 0x84        ; je KT
  dd (KT - (($-$$) + 0x400000 + 4)) & 0xffffffff
  jmp Qloop
done:
  mov eax, 60
  xor edi, edi
  syscall
msgR: db "R", 10
msgQ: db "Q", 10
msgP: db "P", 10
  times 0x3623-($-$$) db 0xcc
P:
  mov eax, 1
  mov edi, 1
  lea rsi, [rel msgP]
  mov edx, 2
  syscall
  ret
  times 0x4000-($-$$) db 0xcc
filesize equ $ - $$
