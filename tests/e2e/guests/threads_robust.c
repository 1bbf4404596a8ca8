// Threads: a thread dies holding a robust mutex (and one it unlocked): the next locker
// gets EOWNERDEAD, makes it consistent, and a waiter blocked on it is woken.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t robust, robust2;
static volatile int locked;

static void* holder(void* arg) {
  pthread_mutex_lock(&robust);
  pthread_mutex_lock(&robust2);
  pthread_mutex_unlock(&robust2);
  locked = 1;
  usleep(50000);  // the waiter blocks on the mutex meanwhile
  return arg;      // exits holding `robust`
}

static void* waiter(void* arg) {
  while (!locked) usleep(1000);
  int r = pthread_mutex_lock(&robust);
  if (r == EOWNERDEAD) {
    pthread_mutex_consistent(&robust);
    printf("waiter: EOWNERDEAD, made consistent\n");
  } else {
    printf("waiter: lock returned %d\n", r);
  }
  pthread_mutex_unlock(&robust);
  return arg;
}

int main(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&robust, &a);
  pthread_mutex_init(&robust2, &a);
  pthread_t h, w;
  pthread_create(&h, NULL, holder, NULL);
  pthread_create(&w, NULL, waiter, NULL);
  pthread_join(h, NULL);
  pthread_join(w, NULL);
  int r = pthread_mutex_lock(&robust);
  printf("main: lock after recovery returned %d\n", r);
  pthread_mutex_unlock(&robust);
  r = pthread_mutex_lock(&robust2);
  printf("main: unlocked robust mutex lock returned %d\n", r);
  return 0;
}
