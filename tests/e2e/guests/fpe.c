// Dies of SIGFPE (integer division by zero) after writing a line.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  put("before division by zero\n");
  u64 q;
  __asm__ volatile("xor %%edx, %%edx\n div %1" : "=a"(q) : "r"(sp[0] - sp[0]), "a"(100ul) : "rdx");
  put("after division by zero\n");
  return (int)q;
}
