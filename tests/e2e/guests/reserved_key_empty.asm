; A block with a never-taken branch to 0xffffffffffffffff (the code cache table's empty
; marker), translated, then dropped (mprotect of its page), 5000 times: the marker as a key
; once filled the table with tombstones until a lookup never ended. Natively: exits 0 quickly.
BITS 64
ORG 0x400000
KE equ 0xffffffffffffffff
%include "raw_elf.inc"
_start:
  mov r15d, 5000
.cycle:
  mov edi, 1
  call F
  mov eax, 10          ; mprotect(F's page, 4096, R|X): drops F's translation
  mov edi, 0x403000
  mov esi, 4096
  mov edx, 5
  syscall
  dec r15d
  jnz .cycle
  mov eax, 1
  mov edi, 1
  lea rsi, [rel msg]
  mov edx, 3
  syscall
  mov eax, 60
  xor edi, edi
  syscall
msg: db "ok", 10
  times 0x3000-($-$$) db 0xcc
F:
  test edi, edi
  db 0x0f, 0x84        ; je KE (never taken: edi is 1)
  dd (KE - (($-$$) + 0x400000 + 4)) & 0xffffffff
  ret
  times 0x4000-($-$$) db 0xcc
filesize equ $ - $$
