/* MMX as compiled code uses it: alpha-blending rows of 32-bit pixels the way pixman's and
 * old image codecs' MMX paths do (unpack to words, multiply, add the rounding bias, shift,
 * pack with unsigned saturation), a sum of absolute differences, saturating adds, pshufw,
 * pmovmskb, and x87 long double arithmetic after _mm_empty(): the MMX registers are the x87
 * registers. GCC on x86-64 turns most <mmintrin.h> intrinsics into SSE2 code but keeps
 * emms (it raised SIGILL under retrace before MMX was implemented); the hand-written loop
 * (inline asm, as such code usually is) runs MMX instructions proper. Prints checksums. */
#include <mmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xmmintrin.h>

#define N 4096

static uint32_t src[N], dst[N];

static __m64 blend_pixel(__m64 s, __m64 d, __m64 alpha, __m64 zero, __m64 bias) {
  __m64 s16 = _mm_unpacklo_pi8(s, zero);
  __m64 d16 = _mm_unpacklo_pi8(d, zero);
  __m64 inv = _mm_sub_pi16(_mm_set1_pi16(255), alpha);
  __m64 r = _mm_add_pi16(_mm_mullo_pi16(s16, alpha), _mm_mullo_pi16(d16, inv));
  r = _mm_add_pi16(r, bias);
  r = _mm_srli_pi16(_mm_add_pi16(r, _mm_srli_pi16(r, 8)), 8);
  return _mm_packs_pu16(r, zero);
}

/* dst[i] = saturate(dst[i] + src[i]) bytewise, then a word multiply-add: MMX registers. */
static uint64_t mmx_asm(const uint32_t* s, uint32_t* d, int n) {
  uint64_t acc;
  __asm__ volatile(
      "pxor %%mm7, %%mm7\n\t"
      "1:\n\t"
      "movq (%[s]), %%mm0\n\t"
      "movq (%[d]), %%mm1\n\t"
      "paddusb %%mm0, %%mm1\n\t"
      "movq %%mm1, (%[d])\n\t"
      "movq %%mm0, %%mm2\n\t"
      "punpckhbw %%mm1, %%mm2\n\t"
      "pmaddwd %%mm0, %%mm2\n\t"
      "psrlq $3, %%mm2\n\t"
      "paddd %%mm2, %%mm7\n\t"
      "add $8, %[s]\n\t"
      "add $8, %[d]\n\t"
      "sub $2, %[n]\n\t"
      "jg 1b\n\t"
      "movq %%mm7, %[acc]\n\t"
      "emms\n\t"
      : [s] "+r"(s), [d] "+r"(d), [n] "+r"(n), [acc] "=r"(acc)
      :
      : "memory", "cc", "mm0", "mm1", "mm2", "mm7");
  return acc;
}

int main(void) {
  uint32_t x = 12345;
  for (int i = 0; i < N; ++i) {
    x = x * 1103515245u + 12345u;
    src[i] = x;
    x = x * 1103515245u + 12345u;
    dst[i] = x;
  }
  const __m64 zero = _mm_setzero_si64();
  const __m64 bias = _mm_set1_pi16(128);
  uint64_t sum = 0;
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < N; ++i) {
      __m64 s = _mm_cvtsi32_si64((int)src[i]);
      __m64 d = _mm_cvtsi32_si64((int)dst[i]);
      __m64 a = _mm_shuffle_pi16(_mm_unpacklo_pi8(_mm_srli_si64(s, 24), zero), 0);  /* alpha in every word */
      dst[i] = (uint32_t)_mm_cvtsi64_si32(blend_pixel(s, d, a, zero, bias));
    }
    __m64 acc = zero, sat = zero;
    int mask = 0;
    for (int i = 0; i + 1 < N; i += 2) {
      __m64 p, q;
      memcpy(&p, &src[i], 8);
      memcpy(&q, &dst[i], 8);
      acc = _mm_add_pi32(acc, _mm_sad_pu8(p, q));
      sat = _mm_adds_pu8(sat, _mm_subs_pu8(p, q));
      mask ^= _mm_movemask_pi8(_mm_cmpgt_pi8(p, q));
    }
    sum = sum * 31 + (uint64_t)_mm_cvtm64_si64(acc) + ((uint64_t)_mm_cvtm64_si64(sat) >> 1) + (unsigned)mask;
  }
  _mm_empty();
  uint64_t asm_sum = 0;
  for (int round = 0; round < 2; ++round) asm_sum = asm_sum * 7 + mmx_asm(src, dst, N);
  printf("asm checksum %016llx\n", (unsigned long long)asm_sum);
  long double ld = 0;
  for (int i = 0; i < N; ++i) ld += (long double)dst[i] / 3.0L;
  printf("blend checksum %016llx\n", (unsigned long long)sum);
  printf("dst[0..3] %08x %08x %08x %08x\n", dst[0], dst[1], dst[2], dst[3]);
  printf("long double after emms %.6Lf\n", ld);
  return 0;
}
