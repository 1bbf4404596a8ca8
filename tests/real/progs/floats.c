// Floating point and long double through printf: SSE2 doubles, x87 long doubles, libm.
#include <math.h>
#include <stdio.h>

int main(void) {
  double d = 0;
  long double ld = 0;
  for (int i = 1; i <= 100000; ++i) {
    d += 1.0 / ((double)i * i);
    ld += 1.0L / ((long double)i * i);
  }
  printf("%.15f %.18Lf\n", d, ld);
  printf("%.12f %.12f %.12f\n", sin(1.0), exp(2.5), sqrt(2.0));
  printf("%.15Lf %.15Lf\n", sinl(1.0L), powl(2.0L, 0.5L));
  printf("%a %La\n", d, ld);
  printf("%g %e %.3f\n", 1e300 * 10, -0.0, 2.0 / 3.0);
  return 0;
}
