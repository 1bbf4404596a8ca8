// SIGSEGV recovery by returning from the handler (the handler makes the page writable and
// the store runs again), and a stack overflow caught on the sigaltstack (SA_ONSTACK).
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <stdint.h>
#include <ucontext.h>
static char* page;
static volatile int fixes;
static void h(int sig, siginfo_t* si, void* uc) {
  if ((char*)si->si_addr >= page && (char*)si->si_addr < page + 4096) { fixes++; mprotect(page, 4096, PROT_READ|PROT_WRITE); return; }
  // (as the kernel has it: below the stack nothing is mapped, so MAPERR and not present)
  char msg[] = "stack overflow caught on altstack: si_code ?, page present ?\n";
  *strchr(msg, '?') = (char)('0' + si->si_code);
  *strrchr(msg, '?') = (char)('0' + (int)(((ucontext_t*)uc)->uc_mcontext.gregs[REG_ERR] & 1));
  write(1, msg, sizeof msg - 1); _exit(3);
}
static int rec(int n) { volatile char buf[1024]; buf[0] = n; return n ? rec(n + 1) + buf[0] : 0; }
int main(void) {
  stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536};
  sigaltstack(&ss, 0);
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, 0);
  page = mmap(0, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  page[100] = 42;   // faults once, handler makes it writable, store re-executes
  printf("fixes %d value %d\n", fixes, page[100]);
  fflush(stdout);
  return rec(1);
}
