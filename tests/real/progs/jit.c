// Code generated at run time and patched: the program writes x86 code into a buffer,
// runs it, rewrites an immediate, makes it executable again and runs it again. Each
// write goes through mprotect (W^X), as JITs do.
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef long (*fn_t)(long);

int main(void) {
  unsigned char* buf = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  // lea rax, [rdi + imm32]; ret
  unsigned char code[] = {0x48, 0x8d, 0x87, 0, 0, 0, 0, 0xc3};
  long total = 0;
  for (int k = 1; k <= 50; ++k) {
    mprotect(buf, 4096, PROT_READ | PROT_WRITE);
    memcpy(code + 3, &k, 4);
    memcpy(buf, code, sizeof code);
    mprotect(buf, 4096, PROT_READ | PROT_EXEC);
    fn_t f = (fn_t)buf;
    for (int i = 0; i < 100; ++i) total += f(i);
  }
  printf("total=%ld\n", total);
  return 0;
}
