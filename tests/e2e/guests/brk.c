// brk: query, grow, touch, shrink, refuse (below start, absurd), regrow.
#include "sys.h"
// .data followed by .bss in one segment: the bss starts inside the last file-backed page,
// whose file bytes beyond .data (symbols, strings) must read as zero.
static volatile char data_arr[3] = {1, 2, 3};
static volatile char bss_arr[20000];
int main_c(u64* sp, u64 rdx) {
  int zero = data_arr[0] == 1;
  for (u64 i = 0; i < sizeof bss_arr; i++) zero &= bss_arr[i] == 0;
  check("bss is zero, data is loaded", zero);
  u64 b0 = (u64)sys1(SYS_brk, 0);
  check("brk(0) is nonzero", b0 != 0);
  check("brk(0) again is the same", (u64)sys1(SYS_brk, 0) == b0);
  u64 b1 = (u64)sys1(SYS_brk, b0 + 300000);
  check("grow by 300000", b1 == b0 + 300000);
  unsigned char* p = (unsigned char*)b0;
  for (u64 i = 0; i < 300000; i++) if (p[i] != 0) { put("not zero\n"); return 1; }
  for (u64 i = 0; i < 300000; i++) p[i] = (unsigned char)(i * 7);
  u64 sum = 0;
  for (u64 i = 0; i < 300000; i++) sum += p[i];
  put("sum="); putu(sum); put("\n");
  check("shrink to +5000", (u64)sys1(SYS_brk, b0 + 5000) == b0 + 5000);
  check("brk(0) after shrink", (u64)sys1(SYS_brk, 0) == b0 + 5000);
  check("kept bytes survive the shrink", p[4999] == (unsigned char)(4999 * 7));
  check("below the start is refused", (u64)sys1(SYS_brk, b0 - 0x100000) == b0 + 5000);
  check("absurd size is refused", (u64)sys1(SYS_brk, 0x7ffffffff000ul) == b0 + 5000);
  check("regrow by 1 MiB", (u64)sys1(SYS_brk, b0 + (1ul << 20)) == b0 + (1ul << 20));
  check("regrown pages are zero", p[(1ul << 20) - 1] == 0 && p[200000] == 0);
  p[(1ul << 20) - 1] = 5;
  check("regrown pages are writable", p[(1ul << 20) - 1] == 5);
  check("shrink back to start", (u64)sys1(SYS_brk, b0) == b0);
  return 0;
}
