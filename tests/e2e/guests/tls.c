// arch_prctl: set FS and GS, read them back, and load through fs:/gs:-relative operands.
#include "sys.h"
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

static u64 tls[4] = {0x1111, 0x2222, 0x3333, 0x4444};
static u64 gsblock[2] = {0xaaaa, 0xbbbb};

int main_c(u64* sp, u64 rdx) {
  check("ARCH_SET_FS", sys2(SYS_arch_prctl, ARCH_SET_FS, tls) == 0);
  u64 v;
  __asm__ volatile("mov %%fs:8, %0" : "=r"(v));
  put("fs:8 = "); putx(v); put("\n");
  __asm__ volatile("movq $0x5555, %%fs:24" ::: "memory");
  put("tls[3] after fs:24 store = "); putx(tls[3]); put("\n");
  u64 got = 0;
  check("ARCH_GET_FS", sys2(SYS_arch_prctl, ARCH_GET_FS, &got) == 0 && got == (u64)tls);
  check("ARCH_SET_GS", sys2(SYS_arch_prctl, ARCH_SET_GS, gsblock) == 0);
  __asm__ volatile("mov %%gs:8, %0" : "=r"(v));
  put("gs:8 = "); putx(v); put("\n");
  check("ARCH_GET_GS", sys2(SYS_arch_prctl, ARCH_GET_GS, &got) == 0 && got == (u64)gsblock);
  check("bad code is EINVAL", sys2(SYS_arch_prctl, 0x9999, 0) == -22);
  check("ARCH_GET_FS to a bad pointer is EFAULT", sys2(SYS_arch_prctl, ARCH_GET_FS, 8) == -14);
  return 0;
}
