// A fault in the middle of vector code. The handler must see, in its ucontext, the xmm
// values the instructions before the fault wrote (in the native tier they may still be
// in host registers only: the fault handler's recovery puts them back), and sigreturn
// must restore what the handler leaves there (it changes xmm2). The loop runs often
// enough for the auto tier to translate it.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile uint32_t seen[8];

static void on_segv(int sig, siginfo_t* si, void* ucv) {
  (void)sig;
  (void)si;
  ucontext_t* uc = ucv;
  memcpy((void*)seen, &uc->uc_mcontext.fpregs->_xmm[1], 16);
  memcpy((void*)(seen + 4), &uc->uc_mcontext.fpregs->_xmm[2], 16);
  uc->uc_mcontext.fpregs->_xmm[2].element[3] ^= 0x55;  // sigreturn brings it back
  uc->uc_mcontext.gregs[REG_RIP] += 3;                  // past `mov (%rax),%rax`
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, 0);
  uint32_t in[4] = {1, 2, 3, 0x40000000}, out[8];
  uint64_t sum = 0;
  for (uint32_t i = 0; i < 300; i++) {
    in[0] = i;
    in[2] = i * 7;
    __asm__ volatile(
        "movdqu (%[in]), %%xmm1\n\t"
        "paddd %%xmm1, %%xmm1\n\t"
        "movdqa %%xmm1, %%xmm2\n\t"
        "pslld $3, %%xmm2\n\t"
        "pxor %%xmm3, %%xmm3\n\t"
        "psubd %%xmm1, %%xmm3\n\t"
        "xor %%eax, %%eax\n\t"
        "mov (%%rax), %%rax\n\t"  // faults: the handler skips it
        "paddd %%xmm3, %%xmm2\n\t"
        "movdqu %%xmm1, (%[out])\n\t"
        "movdqu %%xmm2, 16(%[out])\n\t"
        :
        : [in] "r"(in), [out] "r"(out)
        : "rax", "xmm1", "xmm2", "xmm3", "memory");
    for (int k = 0; k < 8; k++) sum = sum * 31 + out[k] + seen[k];
    if (i == 0 || i == 299)
      printf("i=%u out %08x %08x %08x %08x | %08x %08x %08x %08x seen %08x %08x %08x %08x | %08x %08x %08x %08x\n", i,
             out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7], seen[0], seen[1], seen[2], seen[3], seen[4],
             seen[5], seen[6], seen[7]);
  }
  printf("sum %016llx\n", (unsigned long long)sum);
  return 0;
}
