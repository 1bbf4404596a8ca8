// Threads: a new thread inherits the creator's floating-point state (MXCSR and x87 control
// word: rounding mode FE_UPWARD), as the kernel copies it at clone.
#include <fenv.h>
#include <pthread.h>
#include <stdio.h>
static volatile double x = 1.0, y = 3.0;
static void* w(void* a) {
  double r = x / y;
  long double lr = (long double)x / (long double)y;
  printf("thread: round=%d sse=%.20f x87=%.22Lf\n", fegetround(), r, lr);
  return a;
}
int main(void) {
  fesetround(FE_UPWARD);
  pthread_t t; pthread_create(&t, 0, w, 0); pthread_join(t, 0);
  double r = x / y;
  printf("main: round=%d sse=%.20f\n", fegetround(), r);
  return 0;
}
