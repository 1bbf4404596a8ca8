// glibc string functions (their SSE2 / SSE4.2 ifunc variants) over many lengths and
// alignments, plus a little libm and printf of doubles. Compare stdout and exit status
// with a native run; see README.md here. Comparison results are reduced to their sign:
// the magnitude differs between the ifunc variants retrace and the host pick.
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <math.h>
static char buf[4096], buf2[4096];
int main(int argc, char** argv) {
  unsigned long h = 0, hk[32] = {0};
  for (int n = 0; n < 300; n += 7) {
    for (int off = 0; off < 17; off += 3) {
      memset(buf, 0, sizeof buf);
      memset(buf + off, 'a' + (n % 26), n);
      hk[0] = hk[0] * 31 + strlen(buf + off);
      memcpy(buf2 + (off ^ 5), buf + off, n + 1);
      hk[1] = hk[1] * 31 + (unsigned long)strlen(buf2 + (off ^ 5));
      hk[2] = hk[2] * 31 + (unsigned long)(memchr(buf + off, 0, n + 10) ? (char*)memchr(buf + off, 0, n + 10) - buf : -1);
      buf2[(off ^ 5) + n / 2] = 'Z';
      hk[3] = hk[3] * 31 + (unsigned long)(strchr(buf2 + (off ^ 5), 'Z') - buf2);
      hk[4] = hk[4] * 31 + (unsigned long)(long)(memcmp(buf + off, buf2 + (off ^ 5), n) > 0 ? 1 : memcmp(buf + off, buf2 + (off ^ 5), n) < 0 ? -1 : 0);
      hk[5] = hk[5] * 31 + (unsigned long)(long)strcmp(buf + off, buf2 + (off ^ 5));
      hk[6] = hk[6] * 31 + (unsigned long)(long)strncmp(buf + off, buf2 + (off ^ 5), n / 3);
      memmove(buf + off + 3, buf + off, n);
      hk[7] = hk[7] * 31 + strlen(buf);
      hk[8] = hk[8] * 31 + strnlen(buf + off, n / 2);
      hk[9] = hk[9] * 31 + (unsigned long)(strrchr(buf, 'a' + (n % 26)) ? strrchr(buf, 'a' + (n % 26)) - buf : -1);
      hk[10] = hk[10] * 31 + strspn(buf + off, "abcdefghijklmnopqrstuvwxyz");
      hk[11] = hk[11] * 31 + strcspn(buf + off, "Z");
    }
  }
  for (int i = 0; i < 12; ++i) printf("h%d %lx\n", i, hk[i]);
  double s = 0;
  for (int i = 1; i < 1000; ++i) s += sqrt((double)i) / (i + 0.5) + (float)i * 0.25f;
  printf("%.17g %g %f %e\n", s, s / 3, 1.0 / 3, 12345.678e-10);
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.3f|%10.4e|%g", atof("3.14159"), strtod("-2.5e3", NULL), 1e100);
  puts(tmp);
  long v = strtol("123456789", NULL, 10);
  printf("%ld %s\n", v, strstr("hello world, world", "world, "));
  return (int)(h & 0x7f);
}
