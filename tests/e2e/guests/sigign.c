// Ignored signals: SIGPIPE ignored makes a write to a closed pipe fail with EPIPE instead
// of killing the process, and the SIG_IGN disposition survives execve.
#include "sys.h"
enum { NR_rt_sigaction = 13, NR_pipe2 = 293, NR_fork = 57, NR_execve = 59, NR_wait4 = 61 };
#define SIGPIPE 13
int main_c(u64* sp, u64 rdx) {
  u64 argc = sp[0];
  char** argv = (char**)(sp + 1);
  char** envp = argv + argc + 1;
  u64 old[4] = {99, 0, 0, 0};
  if (argc > 1) {  // the exec'd child: is SIGPIPE still ignored?
    check("child: sigaction query", sys4(NR_rt_sigaction, SIGPIPE, 0, old, 8) == 0);
    put("child: SIGPIPE handler="); putu(old[0]); put("\n");
    return 0;
  }
  check("default SIGPIPE", sys4(NR_rt_sigaction, SIGPIPE, 0, old, 8) == 0 && old[0] == 0);
  u64 ign[4] = {1, 0, 0, 0};
  check("ignore SIGPIPE", sys4(NR_rt_sigaction, SIGPIPE, ign, 0, 8) == 0);
  int p[2];
  sys2(NR_pipe2, p, 0);
  sys1(SYS_close, p[0]);
  check("write to a pipe without readers is EPIPE", sys3(SYS_write, p[1], "x", 1) == -32);
  i64 pid = sys0(NR_fork);
  if (pid == 0) {
    const char* args[] = {argv[0], "child", 0};
    sys3(NR_execve, argv[0], args, envp);
    exit_group(99);
  }
  int status = -1;
  sys4(NR_wait4, pid, &status, 0, 0);
  put("child status="); putx((u64)status); put("\n");
  u64 dfl[4] = {0, 0, 0, 0};
  check("back to SIG_DFL", sys4(NR_rt_sigaction, SIGPIPE, dfl, 0, 8) == 0);
  return 0;
}
