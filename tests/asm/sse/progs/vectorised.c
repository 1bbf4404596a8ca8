// Loops gcc -O2/-O3 vectorises (float, double, int32, int16, uint8, int64 arrays) and
// libm calls; compare stdout with a native run (see README.md here).
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#define N 1003
float fa[N], fb[N], fc[N]; double da[N], db[N]; int32_t ia[N], ib[N]; int16_t sa[N]; uint8_t ua[N], ub[N]; int64_t la[N];
int main(void) {
  for (int i = 0; i < N; ++i) { fa[i] = i * 0.37f - 100; fb[i] = (i % 17) * 1.5f + 0.25f; da[i] = i * 1.0001 - 300; ia[i] = i * 7919 - 500000; ib[i] = (i * 31) % 1000 - 500; sa[i] = (int16_t)(i * 123); ua[i] = (uint8_t)(i * 7); ub[i] = (uint8_t)(i * 13 + 5); la[i] = (int64_t)i * 123456789; }
  for (int i = 0; i < N; ++i) fc[i] = fa[i] * fb[i] + fa[i] / fb[i] - sqrtf(fb[i]);
  for (int i = 0; i < N; ++i) db[i] = da[i] * 0.5 + (double)ia[i] - (double)fa[i];
  for (int i = 0; i < N; ++i) ib[i] = ia[i] * ib[i] + (ia[i] >> 3) - (ib[i] < ia[i] ? ia[i] : ib[i]);
  for (int i = 0; i < N; ++i) ua[i] = (uint8_t)((ua[i] + ub[i] + 1) >> 1) > ub[i] ? ua[i] : ub[i];
  for (int i = 0; i < N; ++i) sa[i] = (int16_t)(sa[i] * 3 - (sa[i] >> 2));
  for (int i = 0; i < N; ++i) la[i] = la[i] * 3 + (la[i] >> 7) - ia[i];
  float fs = 0, fm = -1e30f; double ds = 0; int64_t is = 0; unsigned us = 0; int ssum = 0; int64_t ls = 0;
  for (int i = 0; i < N; ++i) { fs += fc[i]; fm = fc[i] > fm ? fc[i] : fm; ds += db[i]; is += ib[i]; us += ua[i]; ssum += sa[i]; ls ^= la[i]; }
  int cnt = 0; for (int i = 0; i < N; ++i) cnt += fc[i] > 0;
  double m = 0; for (int i = 1; i < 200; ++i) m += sin(i * 0.1) * exp(-i * 0.01) + log(i) + pow(i, 0.3) + floor(i * 0.7) + round(i * 0.3) + fabs(cos(i));
  long r = lrint(2.5) + lround(3.5) + (long)trunc(-2.7) + (long)ceil(1.1);
  printf("%.9g %.9g %.17g %lld %u %d %lld %d %.17g %ld\n", fs, fm, ds, (long long)is, us, ssum, (long long)ls, cnt, m, r);
  char b[64]; snprintf(b, sizeof b, "%a %a", 1.0/3, (double)fs); puts(b);
  return 0;
}
