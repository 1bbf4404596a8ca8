// Code rewritten by the kernel on the guest's behalf: read, pread, readv, recvfrom and
// recvmsg into a page whose code has run (hot, so translated, and write-protected for
// self-modifying code detection), clock_gettime's result stored into that page (a copy
// retrace makes), vmsplice from a pipe, a read that rewrites code another thread is running, a read that blocks
// while the page's code runs again, and fstat, pipe, getrandom and waitpid results stored
// beside code. Each call must succeed as natively, and the new code must run afterwards.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// mov eax, imm32; ret
static void code_returning(unsigned char out[6], int v) {
  out[0] = 0xb8;
  memcpy(out + 1, &v, 4);
  out[5] = 0xc3;
}

static unsigned char* page;
typedef int (*fn_t)(void);

// A fresh code page returning v, run hot: translated, and write-protected (a page written
// too often stops being protected, so every case below takes its own).
static int fresh_page(int v) {
  page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned char c[6];
  code_returning(c, v);
  memcpy(page, c, sizeof c);
  int r = 0;
  for (int i = 0; i < 2000; i++) r = ((fn_t)page)();
  return r;
}

static int run_hot(void) {
  int r = 0;
  for (int i = 0; i < 2000; i++) r = ((fn_t)page)();
  return r;
}

static int p[2];
static ssize_t blocked_n;
static void* blocked_reader(void* arg) {
  blocked_n = read(p[0], page + 512, 16);
  return arg;
}

static volatile int seen;
static void* spinner(void* arg) {
  while (((fn_t)page)() != 9) {}
  seen = 9;
  return arg;
}

int main(void) {
  alarm(10);  // (a thread that never sees the new code fails the test, not hangs it)
  unsigned char c[6];
  printf("initial code: %d\n", fresh_page(1));

  if (pipe(p) != 0) return 1;
  code_returning(c, 2);
  write(p[1], c, sizeof c);
  ssize_t n = read(p[0], page, sizeof c);
  printf("read into the code page: %zd, code now returns %d\n", n, run_hot());

  char path[] = "/tmp/retrace-smc-syscall-XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  fresh_page(0);
  code_returning(c, 3);
  pwrite(fd, c, sizeof c, 100);
  n = pread(fd, page, sizeof c, 100);
  printf("pread: %zd, code now returns %d\n", n, run_hot());

  fresh_page(0);
  code_returning(c, 4);
  write(p[1], c, sizeof c);
  unsigned char head[2];
  struct iovec iov[2] = {{head, 2}, {page + 2, 4}};  // (the first two bytes elsewhere)
  page[0] = c[0];
  page[1] = c[1];
  n = readv(p[0], iov, 2);
  printf("readv: %zd, code now returns %d\n", n, run_hot());

  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  fresh_page(0);
  code_returning(c, 5);
  send(sv[0], c, sizeof c, 0);
  n = recvfrom(sv[1], page, sizeof c, 0, NULL, NULL);
  printf("recvfrom: %zd, code now returns %d\n", n, run_hot());

  fresh_page(0);
  code_returning(c, 6);
  send(sv[0], c, sizeof c, 0);
  struct iovec one = {page, sizeof c};
  struct msghdr m = {.msg_iov = &one, .msg_iovlen = 1};
  n = recvmsg(sv[1], &m, 0);
  printf("recvmsg: %zd, code now returns %d\n", n, run_hot());

  // A result stored into the same page (not over the code): the code still runs.
  fresh_page(7);
  struct timespec* ts = (struct timespec*)(page + 256);
  int r = clock_gettime(CLOCK_MONOTONIC, ts);
  printf("clock_gettime into the code page: %d, code still returns %d\n", r, run_hot());

  // Another thread runs the code while a read rewrites it.
  fresh_page(8);
  pthread_t t;
  pthread_create(&t, NULL, spinner, NULL);
  usleep(20000);
  code_returning(c, 9);
  write(p[1], c, sizeof c);
  n = read(p[0], page, sizeof c);
  pthread_join(t, NULL);
  printf("read while another thread runs the code: %zd, the thread saw %d\n", n, seen);

  // A read blocked while the page's code runs again (and is translated and protected
  // again): the data still lands there when it comes.
  fresh_page(10);
  pthread_create(&t, NULL, blocked_reader, NULL);
  usleep(50000);
  printf("code runs while a read into its page waits: %d\n", run_hot());
  usleep(10000);
  write(p[1], "0123456789abcdef", 16);
  pthread_join(t, NULL);
  printf("the blocked read: %zd, data %s\n", blocked_n, memcmp(page + 512, "0123456789abcdef", 16) == 0 ? "in place" : "MISSING");

  // vmsplice from a pipe's read end copies into the buffers it is given.
  fresh_page(0);
  code_returning(c, 15);
  write(p[1], c, sizeof c);
  struct iovec into = {page, sizeof c};
  n = vmsplice(p[0], &into, 1, 0);
  printf("vmsplice into the code page: %zd, code now returns %d\n", n, run_hot());

  // Other results the kernel writes: fstat, pipe, getrandom, and a child's exit status.
  fresh_page(11);
  r = fstat(0, (struct stat*)(page + 256));
  printf("fstat into the code page: %d, code still returns %d\n", r, run_hot());
  fresh_page(12);
  r = pipe((int*)(page + 256));
  printf("pipe into the code page: %d, code still returns %d\n", r, run_hot());
  fresh_page(13);
  printf("getrandom into the code page: %zd, code still returns %d\n", getrandom(page + 256, 16, 0), run_hot());
  fresh_page(14);
  pid_t child = fork();
  if (child == 0) _exit(7);
  int* status = (int*)(page + 256);
  pid_t w = waitpid(child, status, 0);
  printf("waitpid into the code page: %s, exit status %d, code still returns %d\n", w == child ? "ok" : strerror(errno),
         WEXITSTATUS(*status), run_hot());
  return 0;
}
