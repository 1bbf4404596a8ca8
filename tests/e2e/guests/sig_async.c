// Signals the guest sends itself and timer signals: a blocked signal stays pending and
// runs its handler exactly once when unblocked; SA_RESETHAND; sigaltstack + SA_ONSTACK;
// sigsuspend; sigtimedwait; sigqueue's si_value; SA_NODEFER; setitimer(ITIMER_REAL)
// ticks interrupting a busy loop; a default-action signal at the end.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int usr1, usr2, ticks, depth, max_depth, on_alt, alt_flags_onstack;
static volatile int q_value, q_code;
static char* alt;
static size_t alt_size = 65536;

static void h_usr1(int sig) { usr1++; }
static void h_usr2(int sig, siginfo_t* si, void* uc) {
  usr2++;
  q_value = si->si_value.sival_int;
  q_code = si->si_code;
}
static void h_alarm(int sig) { ticks++; }
static void h_alt(int sig) {
  char local;
  on_alt = &local >= alt && &local < alt + alt_size;
  stack_t ss;
  sigaltstack(0, &ss);
  alt_flags_onstack = (ss.ss_flags & SS_ONSTACK) != 0;
}
static void h_nodefer(int sig) {
  depth++;
  if (depth > max_depth) max_depth = depth;
  if (depth < 3) raise(sig);  // SA_NODEFER: runs nested at once
  depth--;
}

static void set(int sig, void (*h)(int), int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = h;
  sa.sa_flags = flags;
  sigaction(sig, &sa, 0);
}

int main(void) {
  setvbuf(stdout, 0, _IONBF, 0);
  // 1. blocked -> pending -> unblocked: exactly once.
  set(SIGUSR1, h_usr1, 0);
  sigset_t m, old, pend;
  sigemptyset(&m);
  sigaddset(&m, SIGUSR1);
  sigprocmask(SIG_BLOCK, &m, &old);
  raise(SIGUSR1);
  raise(SIGUSR1);
  sigpending(&pend);
  printf("blocked: handler ran %d, pending %d\n", usr1, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, 0);
  printf("unblocked: handler ran %d\n", usr1);
  sigpending(&pend);
  printf("pending after: %d\n", sigismember(&pend, SIGUSR1));
  raise(SIGUSR1);
  printf("raise: handler ran %d\n", usr1);

  // 2. SA_RESETHAND: the handler runs once, then the disposition is SIG_DFL.
  set(SIGUSR1, h_usr1, SA_RESETHAND);
  raise(SIGUSR1);
  struct sigaction cur;
  sigaction(SIGUSR1, 0, &cur);
  printf("SA_RESETHAND: ran %d, now %s\n", usr1, cur.sa_handler == SIG_DFL ? "SIG_DFL" : "handler");

  // 3. sigaltstack + SA_ONSTACK.
  alt = malloc(alt_size);
  stack_t ss = {.ss_sp = alt, .ss_size = alt_size, .ss_flags = 0};
  printf("sigaltstack: %d\n", sigaltstack(&ss, 0));
  set(SIGUSR2, h_alt, SA_ONSTACK);
  raise(SIGUSR2);
  printf("on alt stack: %d, SS_ONSTACK seen: %d\n", on_alt, alt_flags_onstack);
  stack_t now;
  sigaltstack(0, &now);
  printf("after: SS_ONSTACK %d SS_DISABLE %d\n", !!(now.ss_flags & SS_ONSTACK), !!(now.ss_flags & SS_DISABLE));
  set(SIGUSR2, h_alt, 0);
  raise(SIGUSR2);
  printf("without SA_ONSTACK on alt stack: %d\n", on_alt);

  // 4. sigsuspend: wait with SIGUSR1 unblocked; the mask comes back.
  set(SIGUSR1, h_usr1, 0);
  sigprocmask(SIG_BLOCK, &m, 0);
  raise(SIGUSR1);
  sigset_t empty;
  sigemptyset(&empty);
  int r = sigsuspend(&empty);
  sigprocmask(SIG_BLOCK, 0, &cur.sa_mask);
  printf("sigsuspend: %d %s, ran %d, still blocked %d\n", r, errno == EINTR ? "EINTR" : "?", usr1,
         sigismember(&cur.sa_mask, SIGUSR1));

  // 5. sigtimedwait takes a blocked pending signal without running the handler.
  raise(SIGUSR1);
  siginfo_t si;
  struct timespec ts = {1, 0};
  int s = sigtimedwait(&m, &si, &ts);
  printf("sigtimedwait: %s code %s, handler ran %d\n", s == SIGUSR1 ? "SIGUSR1" : "?",
         si.si_code == SI_TKILL ? "SI_TKILL" : si.si_code == SI_USER ? "SI_USER" : "?", usr1);
  ts.tv_sec = 0;
  ts.tv_nsec = 1000000;
  s = sigtimedwait(&m, &si, &ts);
  printf("sigtimedwait again: %d %s\n", s, errno == EAGAIN ? "EAGAIN" : "?");
  sigprocmask(SIG_UNBLOCK, &m, 0);

  // 6. sigqueue: SA_SIGINFO sees si_value and SI_QUEUE.
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = h_usr2;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, 0);
  union sigval v = {.sival_int = 1234};
  sigqueue(getpid(), SIGUSR2, v);
  printf("sigqueue: ran %d value %d code %s\n", usr2, q_value, q_code == SI_QUEUE ? "SI_QUEUE" : "?");

  // 7. SA_NODEFER: nested delivery of the same signal.
  set(SIGURG, h_nodefer, SA_NODEFER);
  raise(SIGURG);
  printf("SA_NODEFER: max depth %d\n", max_depth);

  // 8. setitimer: ticks interrupt a busy loop.
  set(SIGALRM, h_alarm, SA_RESTART);
  struct itimerval it = {{0, 10000}, {0, 10000}};
  setitimer(ITIMER_REAL, &it, 0);
  volatile unsigned long spin = 0;
  while (ticks < 3) spin++;
  memset(&it, 0, sizeof it);
  setitimer(ITIMER_REAL, &it, 0);
  printf("got >= 3 ticks: %d\n", ticks >= 3);

  // 9. Default action: SIGTERM ends the process with that signal.
  kill(getpid(), SIGTERM);
  printf("not reached\n");
  return 0;
}
