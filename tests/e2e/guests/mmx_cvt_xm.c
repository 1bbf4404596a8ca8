// Unmasked MXCSR exceptions, plain SSE (cvtps2dq, cvtsi2ss) and in the mm<->xmm
// conversions: the MXCSR in the handler's frame holds the exception's flag, as the hardware
// set it before trapping; cvt(t)ps2pi/cvt(t)pd2pi make the x87 transition (TOP 0, all tags
// valid) before they trap, and cvtpi2ps with a memory source makes none. Written by the
// tenth session's review.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <ucontext.h>
static sigjmp_buf jb;
static volatile int g_code; static volatile unsigned g_swd, g_ftw; static volatile uint32_t g_mxcsr; static volatile uint64_t g_mm0, g_x0lo, g_x0hi; static volatile uint64_t g_rip;
static void h(int s, siginfo_t* si, void* uv) {
  ucontext_t* u = uv; g_code = si->si_code; g_rip = u->uc_mcontext.gregs[REG_RIP] - (uint64_t)si->si_addr;
  g_swd = u->uc_mcontext.fpregs->swd; g_ftw = u->uc_mcontext.fpregs->ftw; g_mxcsr = u->uc_mcontext.fpregs->mxcsr;
  unsigned top = (g_swd >> 11) & 7; /* _st[i] is ST(i); R0 = ST((0 - top) & 7) */
  memcpy((void*)&g_mm0, &u->uc_mcontext.fpregs->_st[(8 - top) & 7], 8);
  memcpy((void*)&g_x0lo, &u->uc_mcontext.fpregs->_xmm[0], 8); memcpy((void*)&g_x0hi, (char*)&u->uc_mcontext.fpregs->_xmm[0] + 8, 8);
  siglongjmp(jb, s); }
static uint32_t mx_pe = 0x1f80 & ~0x1000, mx_ie = 0x1f80 & ~0x80, mx_def = 0x1f80;
static int32_t big[2] = {0x7fffffff, 3};
static float fnan[4] = {__builtin_nanf(""), 1.0f, 2.0f, 3.0f};
static float fbig[4] = {1.0f, 3e9f, 2.0f, 3.0f};
static double dnan[2] __attribute__((aligned(16))) = {__builtin_nan(""), 5.0};
static double dfrac[2] __attribute__((aligned(16))) = {1.5, 5.0};
static uint64_t init = 0x1111222233334444ull;
#define T(name, mx, asmtext) do { \
  int s = sigsetjmp(jb, 1); \
  if (!s) { uint64_t r; __asm__ volatile("fninit\n\tmovq %5, %%mm0\n\tmovq %5, %%mm1\n\tmovq %5, %%xmm0\n\tfninit\n\tfld1\n\tldmxcsr %0\n\t" asmtext "\n\tmovq %%mm0, %%rax\n\tstmxcsr %0" : "+m"(mx), "=a"(r) : "m"(big), "m"(fnan[0]), "m"(dnan[0]), "m"(init), "m"(fbig), "m"(dfrac) : "memory", "mm0", "mm1", "xmm0", "xmm1", "st"); printf("%-28s no signal mm0=%016lx mxcsr=%04x\n", name, r, mx); mx = 0x1f80; } \
  else { printf("%-28s sig %d code %d top=%u ftw=%02x mxcsr=%04x mm0(R0)=%016lx xmm0=%016lx:%016lx\n", name, s, g_code, (g_swd >> 11) & 7, g_ftw, g_mxcsr, g_mm0, g_x0hi, g_x0lo); } \
  __asm__ volatile("fninit\n\temms\n\tldmxcsr %0" :: "m"(mx_def)); } while (0)
int main() {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGFPE, &sa, 0);
  uint32_t mx;
  mx = mx_ie; T("sse cvtps2dq xmm0,m128 IE", mx, "cvtps2dq %3, %%xmm0");
  mx = mx_pe; T("sse cvtsi2ss xmm0,eax PE", mx, "mov $0x7fffffff, %%eax\n\tcvtsi2ss %%eax, %%xmm0");
  mx = mx_pe; T("cvtpi2ps xmm0,mm1 PE", mx, "movq %2, %%mm1\n\tcvtpi2ps %%mm1, %%xmm0");
  mx = mx_pe; T("cvtpi2ps xmm0,m64 PE", mx, "cvtpi2ps %2, %%xmm0");
  mx = mx_ie; T("cvtps2pi mm0,xmm1 IE", mx, "movq %3, %%xmm1\n\tcvtps2pi %%xmm1, %%mm0");
  mx = mx_ie; T("cvtps2pi mm0,m64 IE", mx, "cvtps2pi %3, %%mm0");
  mx = mx_ie; T("cvttps2pi mm0,m64 IE big", mx, "cvttps2pi %6, %%mm0");
  mx = mx_ie; T("cvtpd2pi mm0,m128 IE", mx, "cvtpd2pi %4, %%mm0");
  mx = mx_pe; T("cvtpd2pi mm0,m128 PE", mx, "cvtpd2pi %7, %%mm0");
  mx = mx_pe; T("cvttpd2pi mm0,xmm1 PE", mx, "movapd %7, %%xmm1\n\tcvttpd2pi %%xmm1, %%mm0");
  mx = mx_def; T("cvtps2pi mm0,m64 masked", mx, "cvtps2pi %3, %%mm0");
  mx = mx_def; T("cvtpi2ps masked", mx, "movq %2, %%mm1\n\tcvtpi2ps %%mm1, %%xmm0");
  mx = mx_def; T("cvtpd2pi masked", mx, "cvtpd2pi %7, %%mm0");
  mx = mx_def; T("cvtpi2pd masked", mx, "cvtpi2pd %2, %%xmm0\n\tmovdq2q %%xmm0, %%mm0");
  return 0;
}
