// A guest that sends itself SIGTERM (default action: terminate) dies of it; SIGCHLD
// (default: ignore) and an ignored SIGUSR1 are harmless.
#include "sys.h"
enum { NR_kill = 62, NR_tgkill = 234, NR_gettid = 186, NR_rt_sigaction = 13 };
int main_c(u64* sp, u64 rdx) {
  i64 pid = sys0(SYS_getpid);
  check("kill(self, 0)", sys2(NR_kill, pid, 0) == 0);
  check("kill(self, SIGCHLD) is ignored", sys2(NR_kill, pid, 17) == 0);
  u64 act[4] = {1 /* SIG_IGN */, 0, 0, 0};
  check("ignore SIGUSR1", sys4(NR_rt_sigaction, 10, act, 0, 8) == 0);
  check("tgkill(self, SIGUSR1) is ignored", sys3(NR_tgkill, pid, sys0(NR_gettid), 10) == 0);
  put("sending SIGTERM\n");
  sys3(NR_tgkill, pid, sys0(NR_gettid), 15);
  put("still alive?\n");
  return 1;
}
