// fork, vfork, wait4, execve (of this same program, with another argv[0]), pipes between
// parent and child, exit statuses.
#include "sys.h"
enum { NR_fork = 57, NR_vfork = 58, NR_execve = 59, NR_wait4 = 61, NR_pipe2 = 293, NR_dup2 = 33,
       NR_clone = 56 };
int main_c(u64* sp, u64 rdx) {
  u64 argc = sp[0];
  char** argv = (char**)(sp + 1);
  char** envp = argv + argc + 1;
  if (argc >= 2 && streq(argv[1], "child")) {
    put("child: argv[0]="); put(argv[0]);
    for (u64 i = 2; i < argc; i++) { put(" "); put(argv[i]); }
    put("\n");
    return 7;
  }
  int p[2];
  sys2(NR_pipe2, p, 0);
  i64 pid = sys0(NR_fork);
  if (pid == 0) {
    sys3(SYS_write, p[1], "from the child", 14);
    exit_group(3);
  }
  check("fork returns the child's pid", pid > 0);
  int status = -1;
  check("wait4", sys4(NR_wait4, pid, &status, 0, 0) == pid);
  put("child status="); putx((u64)status); put("\n");
  char buf[32];
  check("the child wrote to the pipe", sys3(SYS_read, p[0], buf, 14) == 14 && memeq(buf, "from the child", 14));
  // fork + execve self as "renamed child a b"; stdout shared.
  pid = sys0(NR_fork);
  if (pid == 0) {
    const char* args[] = {"renamed", "child", "a", "b", 0};
    sys3(NR_execve, argv[0], args, envp);
    put("execve failed\n");
    exit_group(99);
  }
  sys4(NR_wait4, pid, &status, 0, 0);
  put("exec'd child status="); putx((u64)status); put("\n");
  // vfork + execve of a missing file: the child reports the error and _exits.
  pid = sys0(NR_vfork);
  if (pid == 0) {
    const char* args[] = {"x", 0};
    i64 r = sys3(NR_execve, "/nonexistent/program", args, envp);
    exit_group(r == -2 ? 11 : 12);
  }
  sys4(NR_wait4, pid, &status, 0, 0);
  put("vfork child status="); putx((u64)status); put("\n");
  // clone as glibc's fork() does it.
  int ctid = 0;
  pid = sys5(NR_clone, 0x01200000 | 17, 0, 0, &ctid, 0);  // CHILD_SETTID|CHILD_CLEARTID|SIGCHLD
  if (pid == 0) exit_group(ctid == sys0(SYS_getpid) ? 21 : 22);
  sys4(NR_wait4, pid, &status, 0, 0);
  put("clone child status="); putx((u64)status); put("\n");
  // execve errors come back to the caller.
  const char* none[] = {0};
  check("execve of a directory is EACCES", sys3(NR_execve, "/", none, envp) == -13);
  check("execve of a missing file is ENOENT", sys3(NR_execve, "/no/such/file", none, envp) == -2);
  return 0;
}
