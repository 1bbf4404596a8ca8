// A SIGALRM every 50 microseconds (handler with x87/SSE work) while the program computes,
// formats and writes: every interrupted point must resume with the same state.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile long ticks;
static void h(int sig) { double x = 1.5; for (int i = 0; i < 10; i++) x = x * 1.01 + 0.5; if (x < 0) ticks--; ticks++; }
int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = h; sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, 0);
  struct itimerval it = {{0, 50}, {0, 50}};
  setitimer(ITIMER_REAL, &it, 0);
  double acc = 0; unsigned long u = 1;
  for (long i = 0; i < 3000000; i++) { acc += ((double)i * 1.0000001) * 0.5; u = u * 6364136223846793005ul + 1442695040888963407ul;
    if ((i & 0xffff) == 0) { char b[64]; int n = snprintf(b, sizeof b, "%ld %.3f %lx\n", i, acc, u); write(1, b, n); } }
  memset(&it, 0, sizeof it); setitimer(ITIMER_REAL, &it, 0);
  printf("final %.6f %lx ticks>0 %d\n", acc, u, ticks > 0);
  return 0;
}
