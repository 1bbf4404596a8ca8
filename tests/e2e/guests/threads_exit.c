// Threads: one thread calls exit(3) while others are busy (or blocked); the process ends
// with status 3 and nothing after the exit is printed.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile long spins;

static void* busy(void* arg) {
  for (;;) spins++;
  return arg;
}

static void* blocked(void* arg) {
  pthread_mutex_lock(&m);  // held by main: blocks forever
  return arg;
}

static void* quitter(void* arg) {
  while (spins < 1000) {
  }
  printf("quitter: exiting with 3\n");
  fflush(stdout);
  exit(3);
  return arg;
}

int main(void) {
  pthread_t t[3];
  pthread_mutex_lock(&m);
  printf("main: starting threads\n");
  fflush(stdout);
  pthread_create(&t[0], NULL, busy, NULL);
  pthread_create(&t[1], NULL, blocked, NULL);
  pthread_create(&t[2], NULL, quitter, NULL);
  pthread_join(t[1], NULL);  // never returns
  printf("main: not reached\n");
  return 0;
}
