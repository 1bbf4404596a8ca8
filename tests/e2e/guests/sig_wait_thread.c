// Process-directed signals that every thread blocks stay pending on the process: another
// thread's kill()/sigqueue() is then taken by the main thread's sigwait/sigwaitinfo (which
// may already be waiting), or delivered to a handler when the main thread unblocks it
// (CPython's test_signal.test_sigwait_thread hung on the first case).
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int handled;
static void on_usr2(int sig) { handled += sig; }

static void* send_usr1(void* p) {
  (void)p;
  usleep(50000);  // (the main thread waits in sigwait by then)
  kill(getpid(), SIGUSR1);
  return 0;
}
static void* send_usr2(void* p) {
  (void)p;
  kill(getpid(), SIGUSR2);
  return 0;
}
static void* send_rt(void* p) {
  (void)p;
  union sigval v;
  v.sival_int = 42;
  sigqueue(getpid(), SIGRTMIN + 2, v);
  return 0;
}

int main(void) {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigaddset(&s, SIGUSR2);
  sigaddset(&s, SIGRTMIN + 2);
  pthread_sigmask(SIG_BLOCK, &s, 0);
  signal(SIGUSR2, on_usr2);

  pthread_t t;
  sigset_t w;
  sigemptyset(&w);
  sigaddset(&w, SIGUSR1);
  pthread_create(&t, 0, send_usr1, 0);
  int sig = 0;
  int r = sigwait(&w, &sig);
  pthread_join(t, 0);
  printf("sigwait: r=%d sig=%d\n", r, sig);

  pthread_create(&t, 0, send_usr2, 0);
  pthread_join(t, 0);
  sigset_t pend;
  sigpending(&pend);
  printf("usr2 pending after the sender ended: %d, handled %d\n", sigismember(&pend, SIGUSR2), handled);
  sigset_t u;
  sigemptyset(&u);
  sigaddset(&u, SIGUSR2);
  pthread_sigmask(SIG_UNBLOCK, &u, 0);
  printf("usr2 handled after unblocking: %d\n", handled);

  pthread_create(&t, 0, send_rt, 0);
  sigset_t rw;
  sigemptyset(&rw);
  sigaddset(&rw, SIGRTMIN + 2);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  int got = sigwaitinfo(&rw, &si);
  pthread_join(t, 0);
  printf("sigwaitinfo: %d (SIGRTMIN+%d) code=%d value=%d pid_ok=%d\n", got, got - SIGRTMIN, si.si_code,
         si.si_value.sival_int, si.si_pid == getpid());
  return 0;
}
