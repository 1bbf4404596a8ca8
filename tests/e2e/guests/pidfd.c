// Process file descriptors: pidfd_open of the guest itself and of a child, and
// pidfd_send_signal to each (to itself it must reach the guest's own handler, as kill()
// to itself does; to the child, the kernel's business), plus a /proc/PID directory fd.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int got;
static void on_usr1(int sig) { got += sig; }

static int pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }
static int pidfd_send(int fd, int sig) { return (int)syscall(SYS_pidfd_send_signal, fd, sig, NULL, 0); }

int main(void) {
  alarm(20);  // (a test that cannot hang: the child is killed only through its pidfd)
  signal(SIGUSR1, on_usr1);
  int self = pidfd_open(getpid());
  printf("pidfd_open(self): %s\n", self >= 0 ? "ok" : strerror(errno));
  int r = pidfd_send(self, SIGUSR1);
  printf("send SIGUSR1 to self: %d, handled %d\n", r, got);
  r = pidfd_send(self, 0);
  printf("send 0 to self: %d\n", r);
  errno = 0;
  r = (int)syscall(SYS_pidfd_send_signal, self, SIGUSR1, NULL, 0x40000000);
  printf("bad flags: %d %s\n", r, errno == EINVAL ? "EINVAL" : strerror(errno));
  errno = 0;
  r = pidfd_send(1, SIGUSR1);
  printf("not a pidfd: %d %s\n", r, errno == EBADF ? "EBADF" : strerror(errno));
  char path[64];
  snprintf(path, sizeof path, "/proc/%d", getpid());
  int dir = open(path, O_DIRECTORY | O_RDONLY);
  r = pidfd_send(dir, SIGUSR1);
  printf("send SIGUSR1 through /proc/PID: %d, handled %d\n", r, got);

  pid_t child = fork();
  if (child == 0) {
    for (;;) pause();
  }
  int cfd = pidfd_open(child);
  printf("send SIGTERM to the child: %d\n", pidfd_send(cfd, SIGTERM));
  int status = 0;
  waitpid(child, &status, 0);
  printf("child: signaled %d, signal %d\n", WIFSIGNALED(status), WTERMSIG(status));
  return 0;
}
