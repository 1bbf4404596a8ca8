// Signals and threads: pthread_kill runs the handler on the target thread; a
// process-directed signal the main thread blocks is taken by the thread that does not;
// each thread has its own mask.
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_t worker;
static volatile int usr1_on_worker = -1, usr2_on_worker = -1, ready, done;

static void h_usr1(int sig) { usr1_on_worker = pthread_equal(pthread_self(), worker); }
static void h_usr2(int sig) { usr2_on_worker = pthread_equal(pthread_self(), worker); }

static void* run(void* arg) {
  ready = 1;
  while (!done) usleep(1000);
  return 0;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = h_usr1;
  sigaction(SIGUSR1, &sa, 0);
  sa.sa_handler = h_usr2;
  sigaction(SIGUSR2, &sa, 0);
  pthread_create(&worker, 0, run, 0);
  while (!ready) usleep(1000);
  pthread_kill(worker, SIGUSR1);
  while (usr1_on_worker < 0) usleep(1000);
  printf("pthread_kill: handler on the worker %d\n", usr1_on_worker);
  sigset_t m;
  sigemptyset(&m);
  sigaddset(&m, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &m, 0);
  kill(getpid(), SIGUSR2);
  while (usr2_on_worker < 0) usleep(1000);
  printf("kill with main blocking it: handler on the worker %d\n", usr2_on_worker);
  done = 1;
  pthread_join(worker, 0);
  return 0;
}
