// mmap/munmap/mprotect: anonymous and file mappings, MAP_FIXED inside our own mapping,
// holes, and the kernel's errors for bad arguments.
#include "sys.h"
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define EINVAL 22
#define ENOMEM 12

int main_c(u64* sp, u64 rdx) {
  char** argv = (char**)(sp + 1);
  i64 r = sys6(SYS_mmap, 0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  check("anonymous mmap of 3 pages", r > 0 && (r & 4095) == 0);
  char* m = (char*)r;
  check("fresh pages are zero", m[0] == 0 && m[3 * 4096 - 1] == 0);
  for (int i = 0; i < 3 * 4096; i++) m[i] = (char)i;
  check("munmap of the middle page", sys2(SYS_munmap, m + 4096, 4096) == 0);
  check("mprotect of the hole fails ENOMEM", sys3(SYS_mprotect, m + 4096, 4096, PROT_READ) == -ENOMEM);
  r = sys6(SYS_mmap, (u64)(m + 4096), 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  check("MAP_FIXED into the hole", r == (i64)(m + 4096));
  check("the refilled page is zero", m[4096] == 0 && m[8191] == 0);
  check("the neighbours kept their bytes", m[4095] == (char)4095 && m[8192] == (char)8192);
  r = sys6(SYS_mmap, (u64)m, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  check("MAP_FIXED over an existing page replaces it", r == (i64)m && m[5] == 0);
  check("mprotect read-only", sys3(SYS_mprotect, m, 3 * 4096, PROT_READ) == 0);
  check("mprotect read-write", sys3(SYS_mprotect, m, 3 * 4096, PROT_READ | PROT_WRITE) == 0);
  m[1] = 1;
  check("munmap all", sys2(SYS_munmap, m, 3 * 4096) == 0);
  check("munmap of a hole succeeds", sys2(SYS_munmap, m, 3 * 4096) == 0);
  check("mmap length 0 is EINVAL", sys6(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -EINVAL);
  check("unaligned MAP_FIXED is EINVAL",
        sys6(SYS_mmap, (u64)m + 1, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == -EINVAL);
  check("unaligned munmap is EINVAL", sys2(SYS_munmap, (u64)m + 1, 4096) == -EINVAL);

  // A file mapping: our own executable starts with the ELF magic.
  i64 fd = sys2(SYS_open, argv[0], 0);
  check("open argv[0]", fd >= 0);
  r = sys6(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, (u64)fd, 0);
  check("file mmap", r > 0);
  char* f = (char*)r;
  check("file mapping holds the ELF magic", f[0] == 0x7f && f[1] == 'E' && f[2] == 'L' && f[3] == 'F');
  sys2(SYS_munmap, f, 4096);
  sys1(SYS_close, fd);

  // Large anonymous mapping, touched sparsely.
  r = sys6(SYS_mmap, 0, 64ul << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  check("64 MiB mapping", r > 0);
  char* big = (char*)r;
  for (u64 i = 0; i < (64ul << 20); i += 1 << 20) big[i] = 1;
  check("munmap 64 MiB", sys2(SYS_munmap, big, 64ul << 20) == 0);
  return 0;
}
