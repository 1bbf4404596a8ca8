// Code runs only from executable pages (NX), as natively: a function copied to a page
// mapped read-write (no PROT_EXEC) faults with SIGSEGV, si_code SEGV_ACCERR, si_addr its
// first byte; the same copy on a PROT_EXEC page runs, and faults again once mprotect takes
// the execute bit away (after it ran and was translated) and runs once it is back; a
// PROT_NONE page faults with SEGV_ACCERR, an unmapped one with SEGV_MAPERR. Each call is
// repeated so the auto tier translates the callers. `nx_stack` (built with an executable
// stack, PT_GNU_STACK RWX) runs code on its stack; the default build faults there.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int last_code;
static volatile uintptr_t last_addr;

static void on_segv(int sig, siginfo_t* si, void* uc) {
  (void)sig;
  (void)uc;
  last_code = si->si_code;
  last_addr = (uintptr_t)si->si_addr;
  siglongjmp(jb, 1);
}

// mov eax, 42; ret
static const unsigned char kCode[] = {0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3};

typedef int (*fn_t)(void);

// Calls f 20 times: "ran N" or the fault's code and whether si_addr was f.
static void try_call(const char* what, void* f) {
  volatile int sum = 0, faults = 0, code = 0, at_f = 1;
  for (int i = 0; i < 20; ++i) {
    if (sigsetjmp(jb, 1) == 0) {
      sum += ((fn_t)f)();
    } else {
      faults++;
      code = last_code;
      at_f &= last_addr == (uintptr_t)f;
    }
  }
  printf("%-24s sum=%d faults=%d code=%s si_addr=%s\n", what, sum, faults,
         code == SEGV_ACCERR ? "SEGV_ACCERR" : code == SEGV_MAPERR ? "SEGV_MAPERR" : code ? "?" : "-",
         faults ? (at_f ? "the code" : "elsewhere") : "-");
}

// Copies the code into its own frame and calls it there.
__attribute__((noinline)) static int call_on_stack(void) {
  volatile unsigned char buf[64] __attribute__((aligned(16)));
  for (size_t i = 0; i < sizeof kCode; ++i) buf[i] = kCode[i];
  return ((fn_t)(uintptr_t)buf)();
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, 0);

  unsigned char* rw = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned char* rwx = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned char* none = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (rw == MAP_FAILED || rwx == MAP_FAILED || none == MAP_FAILED) return 1;
  memcpy(rw + 64, kCode, sizeof kCode);
  memcpy(rwx + 64, kCode, sizeof kCode);
  memcpy(none + 64, kCode, sizeof kCode);
  mprotect(none, 4096, PROT_NONE);
  munmap(none + 4096, 4096);

  try_call("read-write page", rw + 64);
  try_call("read-write-exec page", rwx + 64);
  mprotect(rwx, 4096, PROT_READ | PROT_WRITE);
  try_call("exec taken away", rwx + 64);
  mprotect(rwx, 4096, PROT_READ | PROT_EXEC);
  try_call("exec given back", rwx + 64);
  try_call("PROT_NONE page", none + 64);
  try_call("unmapped page", none + 4096 + 64);

  volatile int sum = 0, faults = 0;
  for (int i = 0; i < 20; ++i) {
    if (sigsetjmp(jb, 1) == 0) sum += call_on_stack();
    else faults++;
  }
  printf("%-24s sum=%d faults=%d code=%s\n", "the stack", sum, faults,
         !faults ? "-" : last_code == SEGV_ACCERR ? "SEGV_ACCERR" : "?");
  return 0;
}
