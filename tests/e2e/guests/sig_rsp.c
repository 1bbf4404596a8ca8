// The guest rsp a fault handler sees, and rsp-relative accesses, after pushes and pops
// whose rsp updates the native tier defers (the host register lags the guest rsp until
// something needs it exact; a fault reads the lag from the recovery table):
// - a store faults after three pushes: the handler's REG_RSP is 24 below the entry rsp,
//   and loads/stores at [rsp+N] in between (rsp's own value stored to the stack too)
//   see the pushed values;
// - a push itself faults (the second of two, into a PROT_NONE page, the handler on an
//   alternate stack): REG_RSP is where the first push left it, si_addr the slot.
// Each runs 300 times, so the auto tier translates them; output must match native.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

long store_after_pushes(long* bad);
long push_into_guard(char* top);
extern char store_after_pushes_resume[], push_into_guard_resume[];
__asm__(
    ".text\n"
    ".globl store_after_pushes\n"
    "store_after_pushes:\n"
    "  push %rbx\n"
    "  mov %rsp, %rbx\n"          // rbx: rsp before the three pushes
    "  push $11\n"
    "  push $22\n"
    "  push $33\n"
    "  mov 8(%rsp), %rax\n"       // 22
    "  add 16(%rsp), %rax\n"      // + 11
    "  mov %rsp, 16(%rsp)\n"      // rsp's own value over the 11
    "  movq $5, (%rdi)\n"         // faults (rdi: an unmapped address)
    ".globl store_after_pushes_resume\n"
    "store_after_pushes_resume:\n"
    "  sub 16(%rsp), %rax\n"      // - the rsp stored above
    "  add %rsp, %rax\n"          // + rsp now: the same when all went right
    "  pop %rcx\n"
    "  add %rcx, %rax\n"          // + 33
    "  pop %rcx\n"
    "  pop %rcx\n"
    "  sub %rsp, %rbx\n"          // 0 when the pops brought rsp back
    "  add %rbx, %rax\n"
    "  pop %rbx\n"
    "  ret\n"                     // 66
    ".globl push_into_guard\n"
    "push_into_guard:\n"
    "  push %rbx\n"
    "  mov %rsp, %rbx\n"
    "  mov %rdi, %rsp\n"          // the top of a page above a PROT_NONE one
    "  push $7\n"                 // fits
    "  push $8\n"                 // faults
    ".globl push_into_guard_resume\n"
    "push_into_guard_resume:\n"
    "  mov %rsp, %rax\n"          // (the handler set rsp back to the top)
    "  mov %rbx, %rsp\n"
    "  pop %rbx\n"
    "  ret\n");

static volatile long fault_rsp_delta, fault_count, bad;
static volatile uintptr_t guard_top, want_addr;

static void on_segv(int sig, siginfo_t* si, void* ucv) {
  ucontext_t* uc = ucv;
  greg_t* g = uc->uc_mcontext.gregs;
  fault_count++;
  if ((uintptr_t)si->si_addr != want_addr) bad++;
  if (g[REG_RIP] == 0) bad++;
  if (guard_top) {
    // The second push faulted: rsp is where the first left it.
    fault_rsp_delta = (long)((uintptr_t)g[REG_RSP] - (guard_top - 8));
    g[REG_RSP] = (greg_t)guard_top;
    g[REG_RIP] = (greg_t)(uintptr_t)push_into_guard_resume;
  } else {
    // rbx holds the rsp before the three pushes.
    fault_rsp_delta = (long)(g[REG_RBX] - g[REG_RSP]);
    g[REG_RIP] = (greg_t)(uintptr_t)store_after_pushes_resume;
  }
}

int main(void) {
  static char altstack[65536];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
  sigaltstack(&ss, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, 0);

  long sum = 0, deltas = 0;
  want_addr = 0x18;
  for (int i = 0; i < 300; ++i) {
    sum += store_after_pushes((long*)want_addr);
    deltas += fault_rsp_delta;
  }
  printf("store after pushes: faults=%ld sum=%ld rsp deltas=%ld bad=%ld\n", fault_count, sum, deltas, bad);

  char* pages = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED || mprotect(pages, 4096, PROT_NONE) != 0) return 1;
  guard_top = (uintptr_t)pages + 4096 + 8;  // the first push goes to the page's first qword
  want_addr = (uintptr_t)pages + 4096 - 8;
  fault_count = 0;
  deltas = 0;
  long tops = 0;
  for (int i = 0; i < 300; ++i) {
    tops += push_into_guard((char*)guard_top) == (long)guard_top;
    deltas += fault_rsp_delta;
  }
  printf("push into guard: faults=%ld rsp deltas=%ld resumed at top=%ld first push=%ld bad=%ld\n", fault_count, deltas,
         tops, *(long*)(pages + 4096), bad);
  return 0;
}
