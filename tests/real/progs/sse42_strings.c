// SSE4.2 explicit-length string compares as GCC's preprocessor uses them (libcpp
// search_line_sse42): index and flags for data with and without matches.
#include <nmmintrin.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  static const char repl[16] __attribute__((aligned(16))) = "\n\r?\\";
  const __m128i search = _mm_load_si128((const __m128i*)repl);
  const char* texts[] = {"#ifndef _STDC_PREDEF_H\n# define _STDC_PREDEF_H 1\n", "abcdefghijklmnopqrstuvwxyz?x", "no specials here at all......................", "a\\b", "\r\n"};
  unsigned long sum = 0;
  for (int t = 0; t < 5; ++t) {
    char buf[64] __attribute__((aligned(16)));
    memset(buf, 'z', sizeof buf);
    memcpy(buf, texts[t], strlen(texts[t]));
    for (int off = 0; off < 48; off += 16) {
      __m128i data = _mm_loadu_si128((const __m128i*)(buf + off));
      int idx = _mm_cmpestri(search, 4, data, 16, _SIDD_CMP_EQUAL_ANY);
      int cf = _mm_cmpestrc(search, 4, data, 16, _SIDD_CMP_EQUAL_ANY);
      int zf = _mm_cmpestrz(search, 4, data, 16, _SIDD_CMP_EQUAL_ANY);
      printf("t%d off%d idx=%d cf=%d zf=%d\n", t, off, idx, cf, zf);
      sum += idx * 7 + cf;
    }
  }
  printf("sum=%lu\n", sum);
  return 0;
}
