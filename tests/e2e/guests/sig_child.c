// SIGCHLD from a forked child reaches the parent's SA_SIGINFO handler (si_pid, si_status,
// CLD_EXITED) while the parent waits in sigsuspend; then a blocking read() on a pipe
// interrupted by SIGALRM: without SA_RESTART it fails with EINTR, with SA_RESTART it
// resumes and returns the data written later.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int chld, chld_pid, chld_status, chld_code, alarms;

static void h_chld(int sig, siginfo_t* si, void* uc) {
  chld++;
  chld_pid = si->si_pid;
  chld_status = si->si_status;
  chld_code = si->si_code;
}
static void h_alarm(int sig) { alarms++; }

static void arm(long usec) {
  struct itimerval it = {{0, 0}, {usec / 1000000, usec % 1000000}};
  setitimer(ITIMER_REAL, &it, 0);
}

int main(void) {
  setvbuf(stdout, 0, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = h_chld;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGCHLD, &sa, 0);
  sigset_t m, old;
  sigemptyset(&m);
  sigaddset(&m, SIGCHLD);
  sigprocmask(SIG_BLOCK, &m, &old);
  pid_t pid = fork();
  if (pid == 0) _exit(7);
  while (!chld) sigsuspend(&old);
  sigprocmask(SIG_SETMASK, &old, 0);
  int st;
  waitpid(pid, &st, 0);
  printf("SIGCHLD: %d, si_pid matches %d, si_status %d, CLD_EXITED %d, exit %d\n", chld, chld_pid == pid,
         chld_status, chld_code == CLD_EXITED, WEXITSTATUS(st));

  // read() interrupted, no SA_RESTART: EINTR.
  int p[2];
  pipe(p);
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = h_alarm;
  sigaction(SIGALRM, &sa, 0);
  sa.sa_handler = SIG_DFL;
  sigaction(SIGCHLD, &sa, 0);
  arm(100000);
  char buf[8];
  ssize_t n = read(p[0], buf, sizeof buf);
  printf("read without SA_RESTART: %zd %s, alarms %d\n", n, n < 0 && errno == EINTR ? "EINTR" : "?", alarms);

  // With SA_RESTART: the read resumes and gets what a child writes later.
  sa.sa_handler = h_alarm;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, 0);
  pid = fork();
  if (pid == 0) {
    usleep(800000);
    write(p[1], "abc", 3);
    _exit(0);
  }
  arm(100000);
  n = read(p[0], buf, sizeof buf);
  printf("read with SA_RESTART: %zd %s, alarms %d\n", n, n == 3 && !memcmp(buf, "abc", 3) ? "abc" : "?", alarms);
  waitpid(pid, &st, 0);
  return 0;
}
