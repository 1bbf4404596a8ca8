// The smallest program: write(1, ...) and exit status 42.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  static const char msg[] = "hello, world\n";
  sys3(SYS_write, 1, msg, sizeof msg - 1);
  return 42;
}
