// Synchronous signals caught by guest handlers: SIGSEGV (SA_SIGINFO, si_addr/si_code,
// siglongjmp out, 100 times; SEGV_ACCERR on a read-only page), SIGFPE from an integer
// division, SIGILL from ud2 (the handler skips it and changes a register through the
// ucontext), SIGTRAP from int3, and the fpstate/flags a handler sees and sigreturn restores.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile void* want_addr;
static volatile int last_code, last_sig, bad;
static volatile long trap_rip_delta;
static volatile long last_err;  // the page-fault error code (REG_ERR): bit 1 = write

static void on_fault(int sig, siginfo_t* si, void* ucv) {
  ucontext_t* uc = ucv;
  last_sig = sig;
  last_code = si->si_code;
  last_err = (long)uc->uc_mcontext.gregs[REG_ERR];
  if (sig == SIGSEGV && si->si_addr != want_addr) bad++;
  if (si->si_signo != sig) bad++;
  // rsp + 8 is 16-byte aligned at handler entry (x86-64 ABI)
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  (void)sp;
  if (uc->uc_mcontext.gregs[REG_CSGSFS] == 0) bad++;
  siglongjmp(jb, 1);
}

static void on_ill(int sig, siginfo_t* si, void* ucv) {
  ucontext_t* uc = ucv;
  last_sig = sig;
  last_code = si->si_code;
  if ((uintptr_t)si->si_addr != (uintptr_t)uc->uc_mcontext.gregs[REG_RIP]) bad++;
  uc->uc_mcontext.gregs[REG_RIP] += 2;     // skip the ud2
  uc->uc_mcontext.gregs[REG_RBX] = 4242;  // sigreturn applies it
  uc->uc_mcontext.gregs[REG_EFL] |= 1;    // CF
}

static void on_trap(int sig, siginfo_t* si, void* ucv) {
  ucontext_t* uc = ucv;
  last_sig = sig;
  last_code = si->si_code;
  trap_rip_delta = (long)uc->uc_mcontext.gregs[REG_RIP];
  // The handler starts with a clean FPU: clobber xmm0 here, sigreturn restores it.
  __asm__ volatile("pxor %%xmm0, %%xmm0" ::: "xmm0");
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, 0);
  sigaction(SIGFPE, &sa, 0);

  int caught = 0;
  for (int i = 0; i < 100; i++) {
    volatile int* p = (volatile int*)(uintptr_t)(0x1000 + 8 * i);
    want_addr = (void*)p;
    if (sigsetjmp(jb, 1) == 0) {
      *p = 1;
      printf("no fault?\n");
    } else if (last_sig == SIGSEGV && last_code == SEGV_MAPERR) {
      caught++;
    }
  }
  printf("SIGSEGV caught %d times, bad=%d\n", caught, bad);

  // Calls through a null function pointer from a hot loop: translated code probes the
  // indirect-branch table for guest pc 0, which must miss (SIGSEGV at address 0).
  int null_calls = 0;
  for (int i = 0; i < 60; i++) {
    void (*volatile fn)(void) = 0;
    want_addr = 0;
    if (sigsetjmp(jb, 1) == 0) {
      fn();
      printf("no fault?\n");
    } else if (last_sig == SIGSEGV && last_code == SEGV_MAPERR) {
      null_calls++;
    }
  }
  printf("null calls faulted %d times, bad=%d\n", null_calls, bad);

  char* ro = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  want_addr = ro + 12;
  if (sigsetjmp(jb, 1) == 0) {
    ro[12] = 1;
  }
  printf("read-only write: sig=%d code=%s write=%ld bad=%d\n", last_sig, last_code == SEGV_ACCERR ? "SEGV_ACCERR" : "?",
         (last_err >> 1) & 1, bad);
  if (sigsetjmp(jb, 1) == 0) {
    volatile char* none = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    want_addr = (void*)(none + 8);
    (void)none[8];
  }
  printf("PROT_NONE read: sig=%d code=%s write=%ld bad=%d\n", last_sig, last_code == SEGV_ACCERR ? "SEGV_ACCERR" : "?",
         (last_err >> 1) & 1, bad);

  // The mask comes back after siglongjmp (sigsetjmp saved it): SIGSEGV not blocked.
  sigset_t cur;
  sigprocmask(SIG_BLOCK, 0, &cur);
  printf("SIGSEGV blocked after siglongjmp: %d\n", sigismember(&cur, SIGSEGV));

  volatile int zero = 0, num = 7;
  if (sigsetjmp(jb, 1) == 0) {
    printf("%d\n", num / zero);
  }
  printf("SIGFPE: sig=%d code=%s\n", last_sig, last_code == FPE_INTDIV ? "FPE_INTDIV" : "?");

  sa.sa_sigaction = on_ill;
  sigaction(SIGILL, &sa, 0);
  long rbx = 1, cf = 0;
  __asm__ volatile("mov $1, %%rbx\n\tclc\n\tud2\n\tsetc %b1\n\t" : "=b"(rbx), "=q"(cf) : : "cc");
  printf("SIGILL: sig=%d code=%s rbx=%ld cf=%ld bad=%d\n", last_sig, last_code == ILL_ILLOPN ? "ILL_ILLOPN" : "?",
         rbx, cf & 1, bad);

  sa.sa_sigaction = on_trap;
  sigaction(SIGTRAP, &sa, 0);
  double d = 2.5;
  __asm__ volatile("movq %1, %%xmm0\n\tint3\n\tmovq %%xmm0, %0\n\t" : "=r"(d) : "r"(d) : "xmm0");
  printf("SIGTRAP: sig=%d code=%s xmm0 kept=%d\n", last_sig, last_code == SI_KERNEL ? "SI_KERNEL" : "?", d == 2.5);
  return 0;
}
