// Threads: main calls pthread_exit while a worker runs; the process lives on and ends
// with the status of the last thread's exit (here the worker's return path: status 0, and
// a detached worker that calls exit(5) in the second mode).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void* worker(void* arg) {
  usleep(20000);
  printf("worker done (mode %ld)\n", (long)arg);
  fflush(stdout);
  if ((long)arg == 1) exit(5);
  return NULL;
}

int main(int argc, char** argv) {
  long mode = argc > 1;
  pthread_t t;
  pthread_create(&t, NULL, worker, (void*)mode);
  if (mode) pthread_detach(t);
  printf("main: pthread_exit\n");
  fflush(stdout);
  pthread_exit(NULL);
}
