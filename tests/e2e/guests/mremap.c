// mremap: shrink in place, grow (MREMAP_MAYMOVE) keeping the contents, move to a fixed
// address (MREMAP_FIXED), and the errors for bad arguments.
#include "sys.h"
enum { NR_mremap = 25 };
#define PROT_RW 3
#define MAP_PRIVATE_ANON 0x22
int main_c(u64* sp, u64 rdx) {
  char* p = (char*)sys6(SYS_mmap, 0, 3 * 4096, PROT_RW, MAP_PRIVATE_ANON, (u64)-1, 0);
  check("mmap 3 pages", (i64)p > 0);
  for (int i = 0; i < 3 * 4096; i++) p[i] = (char)(i * 7);
  check("shrink in place", sys6(NR_mremap, (u64)p, 3 * 4096, 2 * 4096, 0, 0, 0) == (i64)p);
  check("the shrunk-away page is gone", sys2(SYS_munmap, p + 2 * 4096, 4096) == 0);
  char* q = (char*)sys6(NR_mremap, (u64)p, 2 * 4096, 64 * 4096, 1 /* MAYMOVE */, 0, 0);
  check("grow with MREMAP_MAYMOVE", (i64)q > 0);
  int same = 1;
  for (int i = 0; i < 2 * 4096; i++) same &= q[i] == (char)(i * 7);
  check("contents kept", same);
  check("new pages are zero", q[10 * 4096] == 0 && q[64 * 4096 - 1] == 0);
  q[63 * 4096] = 42;
  // A fixed destination: a fresh reservation of our own.
  char* dst = (char*)sys6(SYS_mmap, 0, 64 * 4096, PROT_RW, MAP_PRIVATE_ANON, (u64)-1, 0);
  char* r = (char*)sys6(NR_mremap, (u64)q, 64 * 4096, 64 * 4096, 3 /* MAYMOVE|FIXED */, (u64)dst, 0);
  check("move with MREMAP_FIXED", r == dst && r[63 * 4096] == 42 && r[1] == 7);
  check("unaligned old address is EINVAL", sys6(NR_mremap, (u64)r + 1, 4096, 8192, 1, 0, 0) == -22);
  check("new size 0 is EINVAL", sys6(NR_mremap, (u64)r, 4096, 0, 1, 0, 0) == -22);
  check("FIXED without MAYMOVE is EINVAL", sys6(NR_mremap, (u64)r, 4096, 4096, 2, (u64)dst + 4096 * 80, 0) == -22);
  check("munmap the result", sys2(SYS_munmap, r, 64 * 4096) == 0);
  return 0;
}
