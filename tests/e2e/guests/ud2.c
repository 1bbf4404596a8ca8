// Dies of SIGILL after writing a line.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  put("before ud2\n");
  __asm__ volatile("ud2");
  put("after ud2\n");
  return 0;
}
