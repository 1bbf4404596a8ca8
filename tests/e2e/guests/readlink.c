// readlink("/proc/self/exe") and uname: what the program learns about itself.
#include "sys.h"
int main_c(u64* sp, u64 rdx) {
  char buf[4096];
  i64 n = sys3(SYS_readlink, "/proc/self/exe", buf, sizeof buf);
  check("readlink /proc/self/exe", n > 0);
  if (n > 0) { put("exe="); putn(buf, (u64)n); put("\n"); }
  check("readlink with size 0 is EINVAL", sys3(SYS_readlink, "/proc/self/exe", buf, 0) == -22);
  n = sys3(SYS_readlink, "/proc/self/exe", buf, 3);
  check("readlink truncates", n == 3);
  check("readlink to a bad buffer is EFAULT", sys3(SYS_readlink, "/proc/self/exe", 8, 100) == -14);
  check("write from a bad buffer is EFAULT", sys3(SYS_write, 1, 8, 10) == -14);
  char uts[6 * 65];
  check("uname", sys1(SYS_uname, uts) == 0);
  put("sysname="); put(uts); put("\n");
  check("unknown syscall is ENOSYS", sys0(1000) == -38);
  // What the syscall instruction does to rcx and r11: rcx = the return address, r11 =
  // RFLAGS (here ZF|PF from the cmp, IF, and the reserved bit 1: 0x246).
  u64 rcx, r11, ret_addr;
  __asm__ volatile("lea 1f(%%rip), %2\n"
                   "mov $39, %%eax\n"
                   "cmp %%eax, %%eax\n"
                   "syscall\n"
                   "1:\n"
                   "mov %%r11, %1\n"
                   : "=c"(rcx), "=r"(r11), "=&r"(ret_addr)
                   :
                   : "rax", "r11", "memory", "cc");
  check("syscall sets rcx to the return address", rcx == ret_addr);
  put("r11 after syscall = "); putx(r11); put("\n");
  return 0;
}
