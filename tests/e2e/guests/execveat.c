// execveat and fexecve (execveat with AT_EMPTY_PATH): a descriptor opened with and without
// O_CLOEXEC, a path relative to a directory descriptor, AT_SYMLINK_NOFOLLOW on a symlink
// (ELOOP), and a program whose file was deleted after it was opened. Each runs in a child
// (under retrace: under retrace again) and says which case it is.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

static void run(const char* what, int dirfd, const char* path, int flags) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    char* argv[] = {"echo", (char*)what, NULL};
    syscall(SYS_execveat, dirfd, path, argv, environ, flags);
    printf("%s: execveat failed: %s\n", what, errno == ELOOP ? "ELOOP" : strerror(errno));
    fflush(stdout);
    _exit(3);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  printf("%s: exit %d\n", what, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(void) {
  alarm(30);
  int fd = open("/bin/echo", O_RDONLY);
  run("fexecve", fd, "", AT_EMPTY_PATH);
  int cfd = open("/bin/echo", O_RDONLY | O_CLOEXEC);
  run("fexecve-cloexec", cfd, "", AT_EMPTY_PATH);
  int dir = open("/bin", O_RDONLY | O_DIRECTORY);
  run("dirfd-relative", dir, "echo", 0);
  run("absolute-ignores-dirfd", dir, "/bin/echo", 0);
  run("empty-without-flag", fd, "", 0);
  char tmpl[] = "/tmp/retrace-execveat-XXXXXX";
  int t = mkstemp(tmpl);
  char lnk[64];
  snprintf(lnk, sizeof lnk, "%s.lnk", tmpl);
  symlink("/bin/echo", lnk);
  run("nofollow-symlink", AT_FDCWD, lnk, AT_SYMLINK_NOFOLLOW);
  unlink(lnk);
  // a copy of echo, opened, then deleted
  int src = open("/bin/echo", O_RDONLY);
  char buf[65536];
  ssize_t n;
  while ((n = read(src, buf, sizeof buf)) > 0) write(t, buf, (size_t)n);
  close(src);
  fchmod(t, 0755);
  close(t);
  int del = open(tmpl, O_RDONLY);
  unlink(tmpl);
  run("deleted-file", del, "", AT_EMPTY_PATH);
  return 0;
}
