// Threads and fork: a thread forks while other threads run (malloc-heavy, so host locks
// are taken); the child (only the forking thread survives) creates a thread of its own,
// prints and exits; the parent waits for it. Also fork from main after threads ended.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int stop;

static void* churn(void* arg) {
  while (!stop) {
    char* p = malloc(100 + (rand() & 1023));
    memset(p, 1, 100);
    free(p);
  }
  return arg;
}

static void* child_thread(void* arg) {
  return (void*)((long)arg + 1);
}

static int fork_and_wait(int tag) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    pthread_t t;
    void* r;
    pthread_create(&t, NULL, child_thread, (void*)(long)tag);
    pthread_join(t, &r);
    printf("child %d: thread returned %ld\n", tag, (long)r);
    fflush(stdout);
    _exit(tag);
  }
  int st;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void* forker(void* arg) {
  long sum = 0;
  for (int i = 1; i <= 5; i++) sum += fork_and_wait(i);
  return (void*)sum;
}

int main(void) {
  pthread_t c[2], f;
  for (int i = 0; i < 2; i++) pthread_create(&c[i], NULL, churn, NULL);
  pthread_create(&f, NULL, forker, NULL);
  void* r;
  pthread_join(f, &r);
  stop = 1;
  for (int i = 0; i < 2; i++) pthread_join(c[i], NULL);
  printf("forker: statuses sum %ld\n", (long)r);
  printf("main: child status %d\n", fork_and_wait(9));
  return 0;
}
