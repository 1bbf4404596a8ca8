// MMX stores that fault (movq/movd/movntq m, mm): hardware sets TOP to 0 before the store
// and leaves the tag word as it was; the frame a handler gets shows both (retrace had
// tagged every register valid first). Written by the tenth session's review.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <ucontext.h>
#include <sys/mman.h>
static sigjmp_buf jb;
static volatile uint64_t g_rip; static volatile int g_code; static volatile uint64_t g_addr;
static volatile unsigned g_swd, g_ftw, g_cwd; static volatile uint32_t g_mxcsr; static volatile uint64_t g_mm0, g_mm1; static volatile uint16_t g_exp0;
static void h(int s, siginfo_t* si, void* uv) {
  ucontext_t* u = uv; g_rip = u->uc_mcontext.gregs[REG_RIP]; g_code = si->si_code; g_addr = (uint64_t)si->si_addr;
  g_swd = u->uc_mcontext.fpregs->swd; g_ftw = u->uc_mcontext.fpregs->ftw; g_cwd = u->uc_mcontext.fpregs->cwd; g_mxcsr = u->uc_mcontext.fpregs->mxcsr;
  memcpy((void*)&g_mm0, &u->uc_mcontext.fpregs->_st[0], 8); memcpy((void*)&g_mm1, &u->uc_mcontext.fpregs->_st[1], 8);
  memcpy((void*)&g_exp0, (char*)&u->uc_mcontext.fpregs->_st[0] + 8, 2);
  siglongjmp(jb, s); }
static uint64_t m64 = 0x0000000300000005ull;
static double m128[2] __attribute__((aligned(16))) = {1.5, -2.5};
static unsigned char* bad;
static uint16_t cw_ze = 0x037b; /* ZE unmasked */
static uint64_t one = 0x3ff0000000000000ull;
/* pending ZE: fld1; fldz; fdivp -> 1/0 with ZE unmasked -> pending */
#define T(name, pre, asmtext) do { \
  int s = sigsetjmp(jb, 1); \
  if (!s) { __asm__ volatile("fninit\n\tmovq %4, %%mm0\n\tmovq %4, %%mm1\n\tfninit\n\tfld1\n\t" pre "\n\t1:\n\t" asmtext "\n\tlea 1b(%%rip), %%rax\n\tmov %%rax, %5" :: "m"(m64), "m"(m128), "D"(bad), "m"(cw_ze), "m"(one), "m"(g_rip) : "memory", "mm0", "mm1", "xmm0", "xmm1", "rax", "st"); printf("%-30s no signal\n", name); } \
  else { printf("%-30s sig %d code %d at %s addr=%lx  top=%u ftw=%02x sw=%04x mm0=%016lx exp0=%04x mm1=%016lx\n", name, s, g_code, g_rip == lbl ? "insn" : "?", g_addr ? g_addr - (uint64_t)bad : 0, (g_swd >> 11) & 7, g_ftw, g_swd & 0xc7ff, g_mm0, g_exp0, g_mm1); } \
  __asm__ volatile("fninit\n\temms"); } while (0)
int main() {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, 0); sigaction(SIGFPE, &sa, 0); sigaction(SIGBUS, &sa, 0);
  bad = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint64_t lbl = 0; (void)lbl;
#define PEND "fldcw %3\n\tfldz\n\tfdivrp\n\t"
#undef T2
  /* lbl is unknown at compile time; print rip relative check via g_rip captured in no-signal path only. Simplify: print rip. */
#define lbl 0
  T("fault3: movq [bad],mm0", "fld1\n\tfld1", "movq %%mm0, (%%rdi)");
  T("fault0: movq [bad],mm0", "fstp %%st(0)", "movq %%mm0, (%%rdi)");
  T("fault3: movd [bad],mm2", "fld1\n\tfld1", "movd %%mm2, (%%rdi)");
  return 0;
}
