// Retrace-only: a MAP_FIXED mapping over memory that is not the guest's (retrace's own
// text, found in /proc/self/maps) must fail with ENOMEM and leave retrace running; and
// munmap/mprotect/mremap there must not touch it. Natively there is no retrace mapping, so the
// test prints "no retrace mapping" and is only meaningful under retrace.
#include "sys.h"
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
static char buf[1 << 16];
static u64 hex(const char* s, const char** end) {
  u64 v = 0;
  for (;; s++) {
    int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;
    if (d < 0) break;
    v = v * 16 + (u64)d;
  }
  *end = s;
  return v;
}
int main_c(u64* sp, u64 rdx) {
  i64 fd = sys2(SYS_open, "/proc/self/maps", 0);
  if (fd < 0) { put("cannot open maps\n"); return 1; }
  u64 n = 0;
  for (;;) {
    i64 r = sys3(SYS_read, fd, buf + n, sizeof buf - 1 - n);
    if (r <= 0) break;
    n += (u64)r;
  }
  buf[n] = 0;
  // First line whose path ends in "/retrace" (retrace's own image).
  const char* line = buf;
  u64 lo = 0, hi = 0;
  while (*line) {
    const char* e = line;
    while (*e && *e != '\n') e++;
    if (e - line > 8 && e[-8] == '/' && e[-7] == 'r' && e[-6] == 'e' && e[-5] == 't' && e[-4] == 'r' &&
        e[-3] == 'a' && e[-2] == 'c' && e[-1] == 'e') {
      const char* p;
      lo = hex(line, &p);
      hi = hex(p + 1, &p);
      break;
    }
    line = *e ? e + 1 : e;
  }
  if (!lo) { put("no retrace mapping\n"); return 0; }
  i64 r = sys6(SYS_mmap, lo, hi - lo, 3, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  check("MAP_FIXED over retrace fails with ENOMEM", r == -12);
  check("mprotect of retrace fails with ENOMEM", sys3(SYS_mprotect, lo, 4096, 0) == -12);
  check("munmap of retrace is a no-op success", sys2(SYS_munmap, lo, hi - lo) == 0);
  check("mremap of retrace fails with EFAULT", sys6(25, lo, 4096, 8192, 1, 0, 0) == -14);
  u64 mine = (u64)sys6(SYS_mmap, 0, 4096, 3, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  check("mremap MREMAP_FIXED onto retrace fails with ENOMEM",
        sys6(25, mine, 4096, 4096, 3, lo, 0) == -12);
  check("the source is still mapped", sys2(SYS_munmap, mine, 4096) == 0);
  put("retrace survived\n");
  return 0;
}
