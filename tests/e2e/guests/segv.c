// Dies of SIGSEGV (a store to address 0) after writing a line.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  put("before null store\n");
  __asm__ volatile("movl $1, (%0)" : : "r"(0ul) : "memory");
  put("after null store\n");
  return 0;
}
