// maskmovq whose range runs into an unmapped page, with all, some or none of the bytes
// selected: the fault comes before any byte is written, at the page's first byte, as on
// hardware (retrace had written the bytes before the page first). Written by the tenth
// session's review.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <ucontext.h>
#include <sys/mman.h>
static sigjmp_buf jb; static unsigned char* page; static volatile uint64_t g_addr;
static void h(int s, siginfo_t* si, void* u) { (void)u; g_addr = (uint64_t)si->si_addr; siglongjmp(jb, s); }
static void t(const char* name, int off, uint64_t mask) {
  unsigned char* p = page + 4096 - off;
  memset(page + 4096 - 16, 0xee, 16);
  uint64_t data = 0x0807060504030201ull;
  int s = sigsetjmp(jb, 1);
  if (!s) { __asm__ volatile("movq %0, %%mm0\n\tmovq %1, %%mm1\n\tmaskmovq %%mm1, %%mm0" :: "m"(data), "m"(mask), "D"(p) : "memory", "mm0", "mm1"); }
  __asm__ volatile("emms");
  printf("%-24s off=%d sig=%d addr=%+ld bytes:", name, off, s, s ? (long)(g_addr - (uint64_t)(page + 4096)) : 0L);
  for (int i = 16; i > 0; --i) printf(" %02x", page[4096 - i]);
  printf("\n");
}
int main() {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, 0);
  page = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mprotect(page + 4096, 4096, PROT_NONE);
  t("all, crossing", 4, ~0ull);
  t("low4 only, crossing", 4, 0x80808080ull);
  t("high4 only, crossing", 4, 0x8080808000000000ull);
  t("none, crossing", 4, 0);
  t("none, fully bad", 0, 0);
  t("all, in page", 8, ~0ull);
  return 0;
}
