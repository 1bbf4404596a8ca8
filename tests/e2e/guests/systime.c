// Time, randomness, identity and limits: clock_gettime (monotonic increases), clock_getres,
// gettimeofday, time, nanosleep, clock_nanosleep, getrandom, uname, getpid/gettid/getppid,
// sysinfo, times, getrusage, prlimit64/getrlimit, sched_getaffinity, sched_yield, umask.
#include "sys.h"
enum { NR_clock_gettime = 228, NR_clock_getres = 229, NR_gettimeofday = 96, NR_time = 201,
       NR_nanosleep = 35, NR_clock_nanosleep = 230, NR_getrandom = 318, NR_gettid = 186,
       NR_getppid = 110, NR_sysinfo = 99, NR_times = 100, NR_getrusage = 98, NR_prlimit64 = 302,
       NR_getrlimit = 97, NR_sched_getaffinity = 204, NR_sched_yield = 24, NR_umask = 95,
       NR_getuid = 102, NR_geteuid = 107, NR_getgid = 104, NR_getegid = 108, NR_getpgrp = 111,
       NR_getsid = 124, NR_rseq = 334, NR_set_robust_list = 273, NR_sigaltstack = 131 };
int main_c(u64* sp, u64 rdx) {
  i64 a[2], b[2];
  check("clock_gettime MONOTONIC", sys2(NR_clock_gettime, 1, a) == 0);
  for (volatile int i = 0; i < 100000; i++) {}
  i64 ts[2] = {0, 2000000};
  check("nanosleep 2ms", sys2(NR_nanosleep, ts, 0) == 0);
  check("clock_gettime again", sys2(NR_clock_gettime, 1, b) == 0);
  i64 d = (b[0] - a[0]) * 1000000000 + (b[1] - a[1]);
  check("monotonic clock advanced by at least 2ms", d >= 2000000);
  i64 ms1[2] = {0, 1000000};
  check("clock_nanosleep 1ms", sys4(NR_clock_nanosleep, 1, 0, ms1, 0) == 0);
  check("clock_getres", sys2(NR_clock_getres, 1, a) == 0 && a[0] == 0 && a[1] > 0);
  check("bad clock is EINVAL", sys2(NR_clock_gettime, 12345, a) == -22);
  check("clock_gettime to a bad pointer is EFAULT", sys2(NR_clock_gettime, 0, 8) == -14);
  i64 tv[2];
  i64 now = sys1(NR_time, 0);
  check("gettimeofday agrees with time", sys2(NR_gettimeofday, tv, 0) == 0 && tv[0] - now >= 0 &&
        tv[0] - now <= 2);
  check("REALTIME after 2020", sys2(NR_clock_gettime, 0, a) == 0 && a[0] > 1577836800);
  // Bad pointers: unmapped, read-only, half on a read-only page; and null.
  i64* ro = (i64*)sys6(SYS_mmap, 0, 8192, 1 /*PROT_READ*/, 0x22 /*MAP_PRIVATE|MAP_ANONYMOUS*/, -1, 0);
  check("mmap a read-only page", (i64)ro > 0);
  check("clock_gettime to a read-only page is EFAULT", sys2(NR_clock_gettime, 1, ro) == -14);
  check("clock_gettime across into a read-only page is EFAULT",
        sys3(SYS_mprotect, ro, 4096, 3) == 0 && sys2(NR_clock_gettime, 1, (char*)ro + 4088) == -14);
  check("clock_gettime to the writable half's end works", sys2(NR_clock_gettime, 1, (char*)ro + 4080) == 0);
  check("clock_gettime to null is EFAULT", sys2(NR_clock_gettime, 1, 0) == -14);
  check("gettimeofday to a bad pointer is EFAULT", sys2(NR_gettimeofday, 8, 0) == -14);
  check("gettimeofday with neither pointer", sys2(NR_gettimeofday, 0, 0) == 0);
  check("time to a bad pointer is EFAULT", sys1(NR_time, 8) == -14);
  check("time to a read-only page is EFAULT", sys1(NR_time, (char*)ro + 4096) == -14);
  i64 t2 = 0;
  check("time stores what it returns", sys1(NR_time, &t2) == t2 && t2 >= now);
  unsigned char r1[64], r2[64];
  memset_(r1, 0, sizeof r1);
  memset_(r2, 0, sizeof r2);
  check("getrandom fills", sys3(NR_getrandom, r1, sizeof r1, 0) == 64 &&
        sys3(NR_getrandom, r2, sizeof r2, 1) == 64);
  int zeros = 0;
  for (int i = 0; i < 64; i++) zeros += r1[i] == 0;
  check("random bytes are not all zero", zeros < 16);
  check("two getrandom calls differ", !memeq(r1, r2, 64));
  char uts[6 * 65];
  check("uname", sys1(SYS_uname, uts) == 0);
  for (int f = 0; f < 5; f++) { put("uname["); putu((u64)f); put("]="); put(uts + 65 * f); put("\n"); }
  i64 pid = sys0(SYS_getpid);
  check("gettid == getpid (one thread)", sys0(NR_gettid) == pid);
  check("getppid", sys0(NR_getppid) > 0 && sys0(NR_getppid) != pid);
  check("getpgrp/getsid", sys0(NR_getpgrp) > 0 && sys1(NR_getsid, 0) > 0);
  check("uids", sys0(NR_getuid) == sys0(NR_geteuid) && sys0(NR_getgid) == sys0(NR_getegid));
  u64 si[14];
  check("sysinfo", sys1(NR_sysinfo, si) == 0 && si[4] > 0);
  u64 tms[4];
  check("times", sys1(NR_times, tms) > 0);
  u64 ru[18];
  check("getrusage", sys2(NR_getrusage, 0, ru) == 0);
  u64 lim[2], lim2[2];
  check("prlimit64 RLIMIT_NOFILE", sys4(NR_prlimit64, 0, 7, 0, lim) == 0 && lim[0] > 0);
  check("getrlimit agrees", sys2(NR_getrlimit, 7, lim2) == 0 && lim2[0] == lim[0] && lim2[1] == lim[1]);
  u64 mask[16];
  check("sched_getaffinity", sys3(NR_sched_getaffinity, 0, sizeof mask, mask) > 0 && mask[0] != 0);
  check("sched_yield", sys0(NR_sched_yield) == 0);
  check("umask", (sys1(NR_umask, 077), sys1(NR_umask, 022)) == 077);
  u64 ss[3] = {0, 0, 0};
  check("sigaltstack query", sys2(NR_sigaltstack, 0, ss) == 0 && (ss[1] & 2));
  return 0;
}
