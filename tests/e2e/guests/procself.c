// The process's view of itself in /proc: its name (comm, status, stat, PR_GET_NAME, and a
// thread's own name), /proc/self/cmdline against argv (read in small pieces, through the
// three spellings of "self", and after an execve with another argv[0]), and
// /proc/self/auxv against getauxval. Under retrace these must name the guest, not retrace.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// The whole file, read `chunk` bytes at a time; its length in *len.
static char* slurp(const char* path, size_t chunk, size_t* len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    printf("open %s: %s\n", path, strerror(errno));
    exit(1);
  }
  size_t cap = 1 << 16, n = 0;
  char* buf = malloc(cap);
  for (;;) {
    ssize_t r = read(fd, buf + n, chunk < cap - n ? chunk : cap - n);
    if (r < 0) {
      printf("read %s: %s\n", path, strerror(errno));
      exit(1);
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  *len = n;
  return buf;
}

static void show_line(const char* path, const char* key) {
  size_t n;
  char* s = slurp(path, 4096, &n);
  s[n] = 0;
  char* at = strstr(s, key);
  if (at) printf("%s: %.*s\n", path, (int)strcspn(at, "\n"), at);
  free(s);
}

// cmdline must be argv, each argument NUL-terminated.
static void check_cmdline(const char* path, size_t chunk, int argc, char** argv) {
  size_t n;
  char* s = slurp(path, chunk, &n);
  size_t want = 0;
  for (int i = 0; i < argc; i++) want += strlen(argv[i]) + 1;
  int same = n == want;
  for (size_t off = 0, i = 0; same && i < (size_t)argc; off += strlen(argv[i]) + 1, i++)
    same = memcmp(s + off, argv[i], strlen(argv[i]) + 1) == 0;
  printf("%s (read %zu at a time): %zu bytes, %s argv\n", strncmp(path, "/proc/self/task/", 16) == 0 ? "/proc/self/task/TID/cmdline"
         : strncmp(path, "/proc/self", 10) && strncmp(path, "/proc/thread-self", 17) ? "/proc/PID/cmdline" : path,
         chunk, n, same ? "equals" : "DIFFERS FROM");
  free(s);
}

static void check_auxv(void) {
  size_t n;
  unsigned long* v = (unsigned long*)slurp("/proc/self/auxv", 24, &n);
  static const unsigned long types[] = {AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_ENTRY,
                                        AT_UID,  AT_EUID,  AT_GID,   AT_EGID,   AT_SECURE, AT_RANDOM, AT_EXECFN};
  int found = 0, same = 0;
  for (size_t t = 0; t < sizeof types / sizeof types[0]; t++)
    for (size_t i = 0; i + 1 < n / sizeof *v; i += 2)
      if (v[i] == types[t]) {
        found++;
        same += v[i + 1] == getauxval(types[t]);
        break;
      }
  int terminated = n % 16 == 0 && n >= 16 && v[n / 8 - 2] == AT_NULL;
  printf("/proc/self/auxv: %d of %zu entries found, %d equal to getauxval, %s\n", found,
         sizeof types / sizeof types[0], same, terminated ? "ends with AT_NULL" : "NOT TERMINATED");
  free(v);
}

static void* worker(void* arg) {
  prctl(PR_SET_NAME, "worker-1", 0, 0, 0);
  char path[64];
  snprintf(path, sizeof path, "/proc/self/task/%ld/comm", (long)syscall(SYS_gettid));
  size_t n;
  char* s = slurp(path, 64, &n);
  printf("thread comm: %.*s\n", (int)strcspn(s, "\n"), s);
  free(s);
  return arg;
}

int main(int argc, char** argv) {
  char name[32] = {0};
  prctl(PR_GET_NAME, name, 0, 0, 0);
  printf("PR_GET_NAME: %s\n", name);
  show_line("/proc/self/comm", "");
  show_line("/proc/self/status", "Name:");
  size_t n;
  char* stat = slurp("/proc/self/stat", 4096, &n);
  stat[n] = 0;
  printf("/proc/self/stat name: %.*s\n", (int)(strrchr(stat, ')') - strchr(stat, '(') + 1), strchr(stat, '('));
  free(stat);

  check_cmdline("/proc/self/cmdline", 4096, argc, argv);
  check_cmdline("/proc/self/cmdline", 3, argc, argv);
  check_cmdline("/proc/thread-self/cmdline", 5, argc, argv);
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/cmdline", getpid());
  check_cmdline(path, 64, argc, argv);
  check_cmdline("/proc//self/./cmdline", 64, argc, argv);
  snprintf(path, sizeof path, "/proc/self/task/%ld/cmdline", (long)syscall(SYS_gettid));
  check_cmdline(path, 64, argc, argv);
  check_auxv();

  // Relative to a /proc/self directory descriptor; and openat2's own checks still apply.
  int dir = open("/proc/self", O_RDONLY | O_DIRECTORY);
  int fd0 = openat(dir, "cmdline", O_RDONLY);
  char first[256] = {0};
  ssize_t got = read(fd0, first, sizeof first - 1);
  printf("openat(/proc/self, \"cmdline\"): first argument %s\n", got > 0 && strcmp(first, argv[0]) == 0 ? "is argv[0]" : "DIFFERS");
  close(fd0);
  struct { unsigned long long flags, mode, resolve; } how = {O_RDONLY, 0, 0x08 /*RESOLVE_BENEATH*/};
  errno = 0;
  long r2 = syscall(SYS_openat2, AT_FDCWD, "/proc/self/cmdline", &how, sizeof how);
  printf("openat2 RESOLVE_BENEATH of an absolute path: %ld %s\n", r2, errno == EXDEV ? "EXDEV" : strerror(errno));
  how.resolve = 0;
  how.mode = 0644;
  errno = 0;
  r2 = syscall(SYS_openat2, AT_FDCWD, "/proc/self/cmdline", &how, sizeof how);
  printf("openat2 with a mode but no O_CREAT: %ld %s\n", r2, errno == EINVAL ? "EINVAL" : strerror(errno));
  close(dir);

  // A read-only descriptor, as /proc gives: writing to it fails.
  int fd = open("/proc/self/cmdline", O_RDONLY);
  errno = 0;
  ssize_t w = write(fd, "x", 1);
  printf("write to cmdline fd: %zd (%s)\n", w, errno == EBADF ? "EBADF" : strerror(errno));
  char head[4] = {0};
  printf("pread at 1: %zd\n", pread(fd, head, 3, 1));
  close(fd);

  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  prctl(PR_GET_NAME, name, 0, 0, 0);
  printf("main comm after the thread named itself: %s\n", name);

  if (argc == 1) {
    // Again as a child, with another argv[0] and arguments: the name comes from the path.
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      char* args[] = {"another-name", "with an argument", "", "last", NULL};
      execv(argv[0], args);
      printf("execv: %s\n", strerror(errno));
      _exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child status %d\n", WEXITSTATUS(status));
  }
  return 0;
}
