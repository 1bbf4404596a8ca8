// Self-modifying code without mprotect: code in an RWX mapping is rewritten in place
// between calls (the immediate of `lea rax, [rdi + imm32]; ret` and then the whole
// function), as JITs with RWX code caches do. Every result must use the current bytes.
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef long (*fn_t)(long);

int main(void) {
  unsigned char* buf = mmap(0, 8192, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (buf == MAP_FAILED) return 2;
  unsigned char add[] = {0x48, 0x8d, 0x87, 0, 0, 0, 0, 0xc3};        // lea rax, [rdi + imm32]; ret
  unsigned char mul[] = {0x48, 0x69, 0xc7, 0, 0, 0, 0, 0xc3};        // imul rax, rdi, imm32; ret
  memcpy(buf, add, sizeof add);
  fn_t f = (fn_t)buf;
  long total = 0;
  for (int k = 1; k <= 200; ++k) {
    memcpy(buf + 3, &k, 4);                    // patch the immediate in place
    for (int i = 0; i < 50; ++i) total += f(i);
    if (k == 100) memcpy(buf, mul, 3);         // switch the opcode, keep the immediate
  }
  // Data written next to the code on the same page must not disturb anything either.
  long* counter = (long*)(buf + 2048);
  for (int i = 0; i < 1000; ++i) ++*counter;
  printf("total=%ld counter=%ld\n", total, *counter);
  return 0;
}
