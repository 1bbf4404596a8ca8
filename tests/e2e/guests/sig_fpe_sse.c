// Floating-point exceptions the guest unmasks (feenableexcept): SSE divsd by zero and
// sqrtsd of -1 raise SIGFPE at the instruction (si_code FPE_FLTDIV / FPE_FLTINV, si_addr
// and the frame's rip on it), in a loop hot enough to be translated; an x87 division by
// zero raises it at the next waiting x87 instruction. Each handler longjmps back, and
// floating point goes on working with the exceptions masked again.
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

extern char div_here[], sqrt_here[];
static sigjmp_buf jb;
static volatile int code;
static volatile long addr_ok, rip_ok;

static void handler(int sig, siginfo_t* si, void* u) {
  ucontext_t* uc = u;
  code = si->si_code;
  addr_ok = (long)si->si_addr;
  rip_ok = uc->uc_mcontext.gregs[REG_RIP];
  siglongjmp(jb, 1);
}

static double sse_div(double x, double y) {
  double r;
  __asm__ volatile("movsd %1, %%xmm0\n\t.globl div_here\ndiv_here:\n\tdivsd %2, %%xmm0\n\tmovsd %%xmm0, %0"
                   : "=m"(r) : "m"(x), "m"(y) : "xmm0");
  return r;
}
static double sse_sqrt(double x) {
  double r;
  __asm__ volatile(".globl sqrt_here\nsqrt_here:\n\tsqrtsd %1, %%xmm0\n\tmovsd %%xmm0, %0" : "=m"(r) : "m"(x) : "xmm0");
  return r;
}

int main(int argc, char** argv) {
  struct sigaction sa = {0};
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGFPE, &sa, 0);
  volatile double zero = argc - 1, minus_one = -(double)argc;
  volatile long double lzero = zero;

  feenableexcept(FE_DIVBYZERO | FE_INVALID);
  volatile double acc = 0;
  if (sigsetjmp(jb, 1) == 0) {
    for (int i = 0; i < 300; i++) acc += sse_div(1.0, i < 299 ? 2.0 : zero);
    printf("divsd: no signal\n");
  } else {
    printf("divsd: SIGFPE code %d (FPE_FLTDIV %d), si_addr at divsd %d, rip at divsd %d, acc %.1f\n", code,
           FPE_FLTDIV, addr_ok == (long)div_here, rip_ok == (long)div_here, acc);
  }
  feenableexcept(FE_DIVBYZERO | FE_INVALID);  // (siglongjmp restored the signal mask, not MXCSR)
  if (sigsetjmp(jb, 1) == 0) {
    for (int i = 0; i < 300; i++) acc += sse_sqrt(i < 299 ? 4.0 : minus_one);
    printf("sqrtsd: no signal\n");
  } else {
    printf("sqrtsd: SIGFPE code %d (FPE_FLTINV %d), si_addr at sqrtsd %d, rip at sqrtsd %d, acc %.1f\n", code,
           FPE_FLTINV, addr_ok == (long)sqrt_here, rip_ok == (long)sqrt_here, acc);
  }
  feenableexcept(FE_DIVBYZERO | FE_INVALID);
  if (sigsetjmp(jb, 1) == 0) {
    volatile long double r = 1.0L / lzero;
    printf("x87 fdiv: no signal %Lf\n", (long double)r);
  } else {
    printf("x87 fdiv: SIGFPE code %d (FPE_FLTDIV %d), si_addr at the frame's rip %d\n", code, FPE_FLTDIV,
           addr_ok == rip_ok);
  }
  feclearexcept(FE_ALL_EXCEPT);
  fedisableexcept(FE_ALL_EXCEPT);
  volatile double third = 1.0 / 3.0;
  volatile long double lthird = 1.0L / 3.0L;
  printf("masked again: %.17g %.20Lg %g %g\n", third, lthird, 1.0 / zero, sqrt(minus_one) != sqrt(minus_one) ? 1.0 : 0.0);
  return 0;
}
