// Threads: a guest thread dies of SIGSEGV (no handler) while main waits in pthread_join
// and another thread is busy: the whole process dies of SIGSEGV.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile long spins;
static volatile int* volatile bad_ptr;

static void* busy(void* arg) {
  for (;;) spins++;
  return arg;
}

static void* crasher(void* arg) {
  while (spins < 1000) {
  }
  printf("crasher: about to fault\n");
  fflush(stdout);
  *bad_ptr = 1;
  return arg;
}

int main(void) {
  pthread_t b, c;
  printf("main: start\n");
  fflush(stdout);
  pthread_create(&b, NULL, busy, NULL);
  pthread_create(&c, NULL, crasher, NULL);
  pthread_join(c, NULL);
  printf("main: not reached\n");
  return 0;
}
