// Built as static-PIE (ET_DYN, no PT_INTERP): loaded at a bias; only RIP-relative
// addressing, so no relocations need processing.
#include "sys.h"
#define AT_ENTRY 9
extern char _start[];
int main_c(u64* sp, u64 rdx) {
  u64 argc = sp[0];
  u64* p = sp + 1 + argc + 1;
  while (*p) p++;
  p++;
  u64 entry = 0;
  for (; p[0]; p += 2) if (p[0] == AT_ENTRY) entry = p[1];
  put("static-pie says hello\n");
  check("AT_ENTRY is the relocated _start", entry == (u64)_start);
  check("loaded above the first page", (u64)_start > 0x10000);
  return 7;
}
