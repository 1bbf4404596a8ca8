// Vector-op implementations (see vecops.def). Where SSE has the operation, the host runs
// that very instruction through its intrinsic: results, NaN propagation and MXCSR flags
// then match the hardware by construction. Rows whose instruction takes an immediate
// (roundps, dpps, pcmpistri, ...) dispatch imm8 through a table of template
// instantiations, one per immediate value (ImmTable below); shuffles and blends whose
// immediate only selects elements are written out in plain C instead.
//
// Values: V128 {lo, hi} is the guest's xmm register as two little-endian qwords; the
// helpers I/S/D convert to __m128i/__m128/__m128d and `out` converts back.
#include "ir/vecops.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "ir/ir.h"

namespace retrace::ir {
namespace {

inline __m128i I(V128 v) { return _mm_set_epi64x(static_cast<long long>(v.hi), static_cast<long long>(v.lo)); }
inline __m128 S(V128 v) { return _mm_castsi128_ps(I(v)); }
inline __m128d D(V128 v) { return _mm_castsi128_pd(I(v)); }
inline V128 out(__m128i x) {
  V128 r;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&r), x);
  return r;
}
inline V128 out(__m128 x) { return out(_mm_castps_si128(x)); }
inline V128 out(__m128d x) { return out(_mm_castpd_si128(x)); }

// Element views for the rows written in plain C.
template <class T>
struct Lanes {
  static constexpr unsigned N = 16 / sizeof(T);
  T e[N];
  explicit Lanes(V128 v) { std::memcpy(e, &v, 16); }
  Lanes() : e{} {}
  V128 v() const {
    V128 r;
    std::memcpy(&r, e, 16);
    return r;
  }
};
using B8 = Lanes<uint8_t>;
using W16 = Lanes<uint16_t>;
using D32 = Lanes<uint32_t>;

// imm8 -> one instantiation per value. F::f<K> is the row's body for immediate K.
using VFn = V128 (*)(V128, V128);
using IFn = uint64_t (*)(V128, V128);
template <class F, size_t... K>
constexpr std::array<VFn, sizeof...(K)> vtable(std::index_sequence<K...>) {
  return {&F::template f<static_cast<int>(K)>...};
}
template <class F, size_t... K>
constexpr std::array<IFn, sizeof...(K)> itable(std::index_sequence<K...>) {
  return {&F::template f<static_cast<int>(K)>...};
}

}  // namespace

#define VEC_V(name) static V128 vec_##name([[maybe_unused]] V128 a, [[maybe_unused]] V128 b, [[maybe_unused]] uint8_t imm)
#define VEC_I(name) static uint64_t vec_##name([[maybe_unused]] V128 a, [[maybe_unused]] V128 b, [[maybe_unused]] uint8_t imm)
#define VEC_F(name) VEC_I(name)
#define VEC_X(name) static V128 vec_##name([[maybe_unused]] uint64_t a, [[maybe_unused]] V128 b, [[maybe_unused]] uint8_t imm)

// A V row whose body needs imm8 as a compile-time constant K; N = table size (power of
// two; imm8 is masked to it: bits the instruction ignores).
#define VEC_V_IMM(name, N, ...)                                                    \
  namespace {                                                                       \
  struct name##_Imm {                                                               \
    template <int K>                                                                \
    static V128 f([[maybe_unused]] V128 a, [[maybe_unused]] V128 b) __VA_ARGS__     \
  };                                                                                \
  }                                                                                 \
  VEC_V(name) {                                                                     \
    static constexpr auto t = vtable<name##_Imm>(std::make_index_sequence<N>{});    \
    return t[imm & (N - 1)](a, b);                                                  \
  }
#define VEC_I_IMM(name, N, ...)                                                    \
  namespace {                                                                       \
  struct name##_Imm {                                                               \
    template <int K>                                                                \
    static uint64_t f([[maybe_unused]] V128 a, [[maybe_unused]] V128 b) __VA_ARGS__ \
  };                                                                                \
  }                                                                                 \
  VEC_I(name) {                                                                     \
    static constexpr auto t = itable<name##_Imm>(std::make_index_sequence<N>{});    \
    return t[imm & (N - 1)](a, b);                                                  \
  }

// Shapes shared by most rows: the intrinsic applied to (a, b) or to b alone.
#define BIN_I(name, fn) VEC_V(name) { return out(fn(I(a), I(b))); }
#define UN_I(name, fn) VEC_V(name) { return out(fn(I(b))); }
#define BIN_S(name, fn) VEC_V(name) { return out(fn(S(a), S(b))); }
#define BIN_D(name, fn) VEC_V(name) { return out(fn(D(a), D(b))); }

// ---- moves and merges
VEC_V(MOVQ_ZX) { return {b.lo, 0}; }
VEC_V(MOVSS_MERGE) { return {(a.lo & ~0xffffffffull) | (b.lo & 0xffffffffull), a.hi}; }
VEC_V(MOVSD_MERGE) { return {b.lo, a.hi}; }
VEC_V(MOVDDUP) { return {b.lo, b.lo}; }
UN_I(MOVSHDUP, [](__m128i x) { return _mm_castps_si128(_mm_movehdup_ps(_mm_castsi128_ps(x))); })
UN_I(MOVSLDUP, [](__m128i x) { return _mm_castps_si128(_mm_moveldup_ps(_mm_castsi128_ps(x))); })
VEC_X(MOVD_TO_XMM) { return {a & 0xffffffffu, 0}; }
VEC_X(MOVQ_TO_XMM) { return {a, 0}; }
VEC_I(MOVD_FROM_XMM) { return a.lo & 0xffffffffu; }
VEC_I(MOVQ_FROM_XMM) { return a.lo; }

// ---- integer logic and arithmetic
BIN_I(PXOR, _mm_xor_si128)
BIN_I(POR, _mm_or_si128)
BIN_I(PAND, _mm_and_si128)
BIN_I(PANDN, _mm_andnot_si128)
BIN_I(PADDB, _mm_add_epi8)
BIN_I(PADDW, _mm_add_epi16)
BIN_I(PADDD, _mm_add_epi32)
BIN_I(PADDQ, _mm_add_epi64)
BIN_I(PADDSB, _mm_adds_epi8)
BIN_I(PADDSW, _mm_adds_epi16)
BIN_I(PADDUSB, _mm_adds_epu8)
BIN_I(PADDUSW, _mm_adds_epu16)
BIN_I(PSUBB, _mm_sub_epi8)
BIN_I(PSUBW, _mm_sub_epi16)
BIN_I(PSUBD, _mm_sub_epi32)
BIN_I(PSUBQ, _mm_sub_epi64)
BIN_I(PSUBSB, _mm_subs_epi8)
BIN_I(PSUBSW, _mm_subs_epi16)
BIN_I(PSUBUSB, _mm_subs_epu8)
BIN_I(PSUBUSW, _mm_subs_epu16)
BIN_I(PMULLW, _mm_mullo_epi16)
BIN_I(PMULHW, _mm_mulhi_epi16)
BIN_I(PMULHUW, _mm_mulhi_epu16)
BIN_I(PMULUDQ, _mm_mul_epu32)
BIN_I(PMULDQ, _mm_mul_epi32)
BIN_I(PMULLD, _mm_mullo_epi32)
BIN_I(PMADDWD, _mm_madd_epi16)
BIN_I(PMULHRSW, _mm_mulhrs_epi16)
BIN_I(PMADDUBSW, _mm_maddubs_epi16)
BIN_I(PAVGB, _mm_avg_epu8)
BIN_I(PAVGW, _mm_avg_epu16)
BIN_I(PSADBW, _mm_sad_epu8)
VEC_V_IMM(MPSADBW, 8, { return out(_mm_mpsadbw_epu8(I(a), I(b), K)); })
UN_I(PHMINPOSUW, _mm_minpos_epu16)
UN_I(PABSB, _mm_abs_epi8)
UN_I(PABSW, _mm_abs_epi16)
UN_I(PABSD, _mm_abs_epi32)
BIN_I(PSIGNB, _mm_sign_epi8)
BIN_I(PSIGNW, _mm_sign_epi16)
BIN_I(PSIGND, _mm_sign_epi32)
BIN_I(PHADDW, _mm_hadd_epi16)
BIN_I(PHADDD, _mm_hadd_epi32)
BIN_I(PHADDSW, _mm_hadds_epi16)
BIN_I(PHSUBW, _mm_hsub_epi16)
BIN_I(PHSUBD, _mm_hsub_epi32)
BIN_I(PHSUBSW, _mm_hsubs_epi16)

// ---- integer compare, min, max
BIN_I(PCMPEQB, _mm_cmpeq_epi8)
BIN_I(PCMPEQW, _mm_cmpeq_epi16)
BIN_I(PCMPEQD, _mm_cmpeq_epi32)
BIN_I(PCMPEQQ, _mm_cmpeq_epi64)
BIN_I(PCMPGTB, _mm_cmpgt_epi8)
BIN_I(PCMPGTW, _mm_cmpgt_epi16)
BIN_I(PCMPGTD, _mm_cmpgt_epi32)
BIN_I(PCMPGTQ, _mm_cmpgt_epi64)
BIN_I(PMINUB, _mm_min_epu8)
BIN_I(PMINUW, _mm_min_epu16)
BIN_I(PMINUD, _mm_min_epu32)
BIN_I(PMINSB, _mm_min_epi8)
BIN_I(PMINSW, _mm_min_epi16)
BIN_I(PMINSD, _mm_min_epi32)
BIN_I(PMAXUB, _mm_max_epu8)
BIN_I(PMAXUW, _mm_max_epu16)
BIN_I(PMAXUD, _mm_max_epu32)
BIN_I(PMAXSB, _mm_max_epi8)
BIN_I(PMAXSW, _mm_max_epi16)
BIN_I(PMAXSD, _mm_max_epi32)

// ---- shifts: the by-xmm forms take the whole low qword of b as the count (counts above
// the element width clear, or fill with the sign, exactly as the hardware does).
BIN_I(PSLLW, _mm_sll_epi16)
BIN_I(PSLLD, _mm_sll_epi32)
BIN_I(PSLLQ, _mm_sll_epi64)
BIN_I(PSRLW, _mm_srl_epi16)
BIN_I(PSRLD, _mm_srl_epi32)
BIN_I(PSRLQ, _mm_srl_epi64)
BIN_I(PSRAW, _mm_sra_epi16)
BIN_I(PSRAD, _mm_sra_epi32)
#define SHIFT_I(name, fn) VEC_V(name) { return out(fn(I(a), _mm_cvtsi32_si128(imm))); }
SHIFT_I(PSLLW_I, _mm_sll_epi16)
SHIFT_I(PSLLD_I, _mm_sll_epi32)
SHIFT_I(PSLLQ_I, _mm_sll_epi64)
SHIFT_I(PSRLW_I, _mm_srl_epi16)
SHIFT_I(PSRLD_I, _mm_srl_epi32)
SHIFT_I(PSRLQ_I, _mm_srl_epi64)
SHIFT_I(PSRAW_I, _mm_sra_epi16)
SHIFT_I(PSRAD_I, _mm_sra_epi32)
VEC_V(PSLLDQ_I) {
  B8 x(a), r;
  for (unsigned i = imm; i < 16; ++i) r.e[i] = x.e[i - imm];
  return r.v();
}
VEC_V(PSRLDQ_I) {
  B8 x(a), r;
  for (unsigned i = 0; i + imm < 16; ++i) r.e[i] = x.e[i + imm];
  return r.v();
}

// ---- unpack, pack, shuffle, blend, extend
BIN_I(PUNPCKLBW, _mm_unpacklo_epi8)
BIN_I(PUNPCKLWD, _mm_unpacklo_epi16)
BIN_I(PUNPCKLDQ, _mm_unpacklo_epi32)
BIN_I(PUNPCKLQDQ, _mm_unpacklo_epi64)
BIN_I(PUNPCKHBW, _mm_unpackhi_epi8)
BIN_I(PUNPCKHWD, _mm_unpackhi_epi16)
BIN_I(PUNPCKHDQ, _mm_unpackhi_epi32)
BIN_I(PUNPCKHQDQ, _mm_unpackhi_epi64)
BIN_I(PACKSSWB, _mm_packs_epi16)
BIN_I(PACKUSWB, _mm_packus_epi16)
BIN_I(PACKSSDW, _mm_packs_epi32)
BIN_I(PACKUSDW, _mm_packus_epi32)
VEC_V(PSHUFD) {
  D32 x(b), r;
  for (unsigned i = 0; i < 4; ++i) r.e[i] = x.e[(imm >> (2 * i)) & 3];
  return r.v();
}
VEC_V(PSHUFLW) {
  W16 x(b), r(b);
  for (unsigned i = 0; i < 4; ++i) r.e[i] = x.e[(imm >> (2 * i)) & 3];
  return r.v();
}
VEC_V(PSHUFHW) {
  W16 x(b), r(b);
  for (unsigned i = 0; i < 4; ++i) r.e[4 + i] = x.e[4 + ((imm >> (2 * i)) & 3)];
  return r.v();
}
BIN_I(PSHUFB, _mm_shuffle_epi8)
VEC_V(PALIGNR) {
  // (a:b) >> (imm * 8), low 16 bytes.
  uint8_t cat[32];
  std::memcpy(cat, &b, 16);
  std::memcpy(cat + 16, &a, 16);
  B8 r;
  for (unsigned i = 0; i < 16; ++i) r.e[i] = i + imm < 32 ? cat[i + imm] : 0;
  return r.v();
}
VEC_V(PBLENDW) {
  W16 x(a), y(b);
  for (unsigned i = 0; i < 8; ++i)
    if (imm >> i & 1) x.e[i] = y.e[i];
  return x.v();
}
VEC_V(BLENDPS) {
  D32 x(a), y(b);
  for (unsigned i = 0; i < 4; ++i)
    if (imm >> i & 1) x.e[i] = y.e[i];
  return x.v();
}
VEC_V(BLENDPD) { return {(imm & 1) ? b.lo : a.lo, (imm & 2) ? b.hi : a.hi}; }
UN_I(SIGNMASK_B, [](__m128i x) { return _mm_cmplt_epi8(x, _mm_setzero_si128()); })
UN_I(SIGNMASK_D, [](__m128i x) { return _mm_srai_epi32(x, 31); })
VEC_V(SIGNMASK_Q) {
  return {static_cast<uint64_t>(static_cast<int64_t>(b.lo) >> 63), static_cast<uint64_t>(static_cast<int64_t>(b.hi) >> 63)};
}
VEC_V(SHUFPS) {
  D32 x(a), y(b), r;
  r.e[0] = x.e[imm & 3];
  r.e[1] = x.e[(imm >> 2) & 3];
  r.e[2] = y.e[(imm >> 4) & 3];
  r.e[3] = y.e[(imm >> 6) & 3];
  return r.v();
}
VEC_V(SHUFPD) { return {(imm & 1) ? a.hi : a.lo, (imm & 2) ? b.hi : b.lo}; }
BIN_I(UNPCKLPS, _mm_unpacklo_epi32)
BIN_I(UNPCKHPS, _mm_unpackhi_epi32)
VEC_V(INSERTPS) {
  D32 x(a), y(b);
  x.e[(imm >> 4) & 3] = y.e[(imm >> 6) & 3];
  for (unsigned i = 0; i < 4; ++i)
    if (imm >> i & 1) x.e[i] = 0;
  return x.v();
}
UN_I(PMOVZXBW, _mm_cvtepu8_epi16)
UN_I(PMOVZXBD, _mm_cvtepu8_epi32)
UN_I(PMOVZXBQ, _mm_cvtepu8_epi64)
UN_I(PMOVZXWD, _mm_cvtepu16_epi32)
UN_I(PMOVZXWQ, _mm_cvtepu16_epi64)
UN_I(PMOVZXDQ, _mm_cvtepu32_epi64)
UN_I(PMOVSXBW, _mm_cvtepi8_epi16)
UN_I(PMOVSXBD, _mm_cvtepi8_epi32)
UN_I(PMOVSXBQ, _mm_cvtepi8_epi64)
UN_I(PMOVSXWD, _mm_cvtepi16_epi32)
UN_I(PMOVSXWQ, _mm_cvtepi16_epi64)
UN_I(PMOVSXDQ, _mm_cvtepi32_epi64)

// ---- vector -> integer, integer -> vector (a is the vector for I rows)
VEC_I(PMOVMSKB) { return static_cast<uint32_t>(_mm_movemask_epi8(I(a))); }
VEC_I(MOVMSKPS) { return static_cast<uint32_t>(_mm_movemask_ps(S(a))); }
VEC_I(MOVMSKPD) { return static_cast<uint32_t>(_mm_movemask_pd(D(a))); }
VEC_I(PEXTRB) { return B8(a).e[imm & 15]; }
VEC_I(PEXTRW) { return W16(a).e[imm & 7]; }
VEC_I(PEXTRD) { return D32(a).e[imm & 3]; }
VEC_I(PEXTRQ) { return (imm & 1) ? a.hi : a.lo; }
VEC_X(PINSRB) {
  B8 r(b);
  r.e[imm & 15] = static_cast<uint8_t>(a);
  return r.v();
}
VEC_X(PINSRW) {
  W16 r(b);
  r.e[imm & 7] = static_cast<uint16_t>(a);
  return r.v();
}
VEC_X(PINSRD) {
  D32 r(b);
  r.e[imm & 3] = static_cast<uint32_t>(a);
  return r.v();
}
VEC_X(PINSRQ) { return (imm & 1) ? V128{b.lo, a} : V128{a, b.hi}; }

// ---- SSE4.2 string compares. Bit 7 of the control byte is reserved: 128 entries.
VEC_I_IMM(PCMPISTRI, 128, { return static_cast<uint32_t>(_mm_cmpistri(I(a), I(b), K)); })
VEC_V_IMM(PCMPISTRM, 128, { return out(_mm_cmpistrm(I(a), I(b), K)); })
VEC_I_IMM(PCMPISTR_FLAGS, 128, {
  // One host pcmpistri, its flags read through flag-output constraints.
  bool cf, zf, sf, of;
  unsigned idx;
  __m128i x = I(a), y = I(b);
  asm("pcmpistri %[k], %[y], %[x]"
      : "=c"(idx), "=@ccc"(cf), "=@ccz"(zf), "=@ccs"(sf), "=@cco"(of)
      : [x] "x"(x), [y] "x"(y), [k] "i"(K));
  (void)idx;
  return (cf ? rflags::CF : 0) | (zf ? rflags::ZF : 0) | (sf ? rflags::SF : 0) | (of ? rflags::OF : 0);
})
// pcmpestri/pcmpestrm run as pcmpistri/pcmpistrm on rewritten operands. Each element of
// a and b is replaced by its rank (1, 2, ...) among all the elements of both, in the
// order imm8[1:0] asks for (unsigned or signed, bytes or words): ranks are non-zero and
// keep every equality and ordering the compare modes test. PCMPESTR_LEN then zeroes the
// elements from the explicit length on, so the first zero of the implicit form falls
// exactly at the length (|rax| or |eax|, saturated to the element count).
namespace {
int32_t elem(V128 v, unsigned i, unsigned mode) {
  switch (mode & 3) {
    case 0: return B8(v).e[i];
    case 1: return W16(v).e[i];
    case 2: return static_cast<int8_t>(B8(v).e[i]);
    default: return static_cast<int16_t>(W16(v).e[i]);
  }
}
V128 ranks(V128 x, V128 y, unsigned mode) {
  if (!(mode & 1)) {
    // Bytes: a 256-bit set of the values present (signed ones biased by 128); a byte's
    // rank is the number of set bits below it, plus one.
    const unsigned bias = (mode & 2) ? 128 : 0;
    const B8 bx(x), by(y);
    uint64_t set[4] = {0, 0, 0, 0};
    for (unsigned i = 0; i < 16; ++i) {
      const unsigned u = (bx.e[i] + bias) & 0xff, v = (by.e[i] + bias) & 0xff;
      set[u >> 6] |= uint64_t{1} << (u & 63);
      set[v >> 6] |= uint64_t{1} << (v & 63);
    }
    unsigned below[4] = {0, 0, 0, 0};  // set bits in the words before
    for (unsigned k = 1; k < 4; ++k) below[k] = below[k - 1] + static_cast<unsigned>(__builtin_popcountll(set[k - 1]));
    B8 rb;
    for (unsigned i = 0; i < 16; ++i) {
      const unsigned u = (bx.e[i] + bias) & 0xff;
      const uint64_t lower = set[u >> 6] & ((uint64_t{1} << (u & 63)) - 1);
      rb.e[i] = static_cast<uint8_t>(below[u >> 6] + static_cast<unsigned>(__builtin_popcountll(lower)) + 1);
    }
    return rb.v();
  }
  // Words: the distinct values of both operands in order (16 at most: a small sort), and
  // a word's rank is its position there plus one.
  int32_t all[16], sorted[16];
  for (unsigned i = 0; i < 8; ++i) all[i] = elem(x, i, mode), all[8 + i] = elem(y, i, mode);
  std::copy(all, all + 16, sorted);
  std::sort(sorted, sorted + 16);
  int32_t* const end = std::unique(sorted, sorted + 16);
  W16 rw;
  for (unsigned i = 0; i < 8; ++i)
    rw.e[i] = static_cast<uint16_t>(std::lower_bound(sorted, end, all[i]) - sorted + 1);
  return rw.v();
}
}  // namespace
VEC_V(PCMPESTR_RANK_A) { return ranks(a, b, imm); }
VEC_V(PCMPESTR_RANK_B) { return ranks(b, a, imm); }
// imm bit 0: word elements; bit 1: the length is 64-bit (rex.w).
VEC_X(PCMPESTR_LEN) {
  int64_t len = (imm & 2) ? static_cast<int64_t>(a) : static_cast<int64_t>(static_cast<int32_t>(a));
  uint64_t mag = len < 0 ? 0 - static_cast<uint64_t>(len) : static_cast<uint64_t>(len);
  const unsigned n = (imm & 1) ? 8 : 16;
  unsigned keep = mag > n ? n : static_cast<unsigned>(mag);
  B8 r(b);
  for (unsigned i = keep * (16 / n); i < 16; ++i) r.e[i] = 0;
  return r.v();
}
VEC_X(CRC32) {
  uint32_t acc = static_cast<uint32_t>(b.lo);
  switch (imm) {
    case 1: return {_mm_crc32_u8(acc, static_cast<uint8_t>(a)), 0};
    case 2: return {_mm_crc32_u16(acc, static_cast<uint16_t>(a)), 0};
    case 4: return {_mm_crc32_u32(acc, static_cast<uint32_t>(a)), 0};
    default: return {_mm_crc32_u64(acc, a), 0};
  }
}
VEC_F(PTEST) {
  __m128i x = I(a), y = I(b);
  return (_mm_testz_si128(x, y) ? rflags::ZF : 0) | (_mm_testc_si128(x, y) ? rflags::CF : 0);
}

// ---- floating point arithmetic. Scalar rows keep a's upper elements.
BIN_S(ADDSS, _mm_add_ss)
BIN_D(ADDSD, _mm_add_sd)
BIN_S(ADDPS, _mm_add_ps)
BIN_D(ADDPD, _mm_add_pd)
BIN_S(SUBSS, _mm_sub_ss)
BIN_D(SUBSD, _mm_sub_sd)
BIN_S(SUBPS, _mm_sub_ps)
BIN_D(SUBPD, _mm_sub_pd)
BIN_S(MULSS, _mm_mul_ss)
BIN_D(MULSD, _mm_mul_sd)
BIN_S(MULPS, _mm_mul_ps)
BIN_D(MULPD, _mm_mul_pd)
BIN_S(DIVSS, _mm_div_ss)
BIN_D(DIVSD, _mm_div_sd)
BIN_S(DIVPS, _mm_div_ps)
BIN_D(DIVPD, _mm_div_pd)
BIN_S(MINSS, _mm_min_ss)
BIN_D(MINSD, _mm_min_sd)
BIN_S(MINPS, _mm_min_ps)
BIN_D(MINPD, _mm_min_pd)
BIN_S(MAXSS, _mm_max_ss)
BIN_D(MAXSD, _mm_max_sd)
BIN_S(MAXPS, _mm_max_ps)
BIN_D(MAXPD, _mm_max_pd)
// sqrtss xmm1, xmm2: sqrt of xmm2's low element, xmm1's upper elements.
VEC_V(SQRTSS) { return out(_mm_move_ss(S(a), _mm_sqrt_ss(S(b)))); }
VEC_V(SQRTSD) { return out(_mm_sqrt_sd(D(a), D(b))); }
VEC_V(SQRTPS) { return out(_mm_sqrt_ps(S(b))); }
VEC_V(SQRTPD) { return out(_mm_sqrt_pd(D(b))); }
VEC_V(RCPSS) { return out(_mm_move_ss(S(a), _mm_rcp_ss(S(b)))); }
VEC_V(RCPPS) { return out(_mm_rcp_ps(S(b))); }
VEC_V(RSQRTSS) { return out(_mm_move_ss(S(a), _mm_rsqrt_ss(S(b)))); }
VEC_V(RSQRTPS) { return out(_mm_rsqrt_ps(S(b))); }
BIN_S(HADDPS, _mm_hadd_ps)
BIN_D(HADDPD, _mm_hadd_pd)
BIN_S(HSUBPS, _mm_hsub_ps)
BIN_D(HSUBPD, _mm_hsub_pd)
BIN_S(ADDSUBPS, _mm_addsub_ps)
BIN_D(ADDSUBPD, _mm_addsub_pd)
VEC_V_IMM(DPPS, 256, { return out(_mm_dp_ps(S(a), S(b), K)); })
VEC_V_IMM(DPPD, 64, { return out(_mm_dp_pd(D(a), D(b), K)); })
// Rounding: imm8[3:0] (bit 2 = use MXCSR.RC, bit 3 = suppress the precision exception).
VEC_V_IMM(ROUNDSS, 16, { return out(_mm_round_ss(S(a), S(b), K)); })
VEC_V_IMM(ROUNDSD, 16, { return out(_mm_round_sd(D(a), D(b), K)); })
VEC_V_IMM(ROUNDPS, 16, { return out(_mm_round_ps(S(b), K)); })
VEC_V_IMM(ROUNDPD, 16, { return out(_mm_round_pd(D(b), K)); })

// Legacy-SSE compare predicates: imm8[2:0].
#define CMP_ROW(name, T, sfx, conv)                                                     \
  VEC_V(name) {                                                                          \
    T x = conv(a), y = conv(b);                                                          \
    switch (imm & 7) {                                                                   \
      case 0: return out(_mm_cmpeq_##sfx(x, y));                                         \
      case 1: return out(_mm_cmplt_##sfx(x, y));                                         \
      case 2: return out(_mm_cmple_##sfx(x, y));                                         \
      case 3: return out(_mm_cmpunord_##sfx(x, y));                                      \
      case 4: return out(_mm_cmpneq_##sfx(x, y));                                        \
      case 5: return out(_mm_cmpnlt_##sfx(x, y));                                        \
      case 6: return out(_mm_cmpnle_##sfx(x, y));                                        \
      default: return out(_mm_cmpord_##sfx(x, y));                                       \
    }                                                                                    \
  }
CMP_ROW(CMPSS, __m128, ss, S)
CMP_ROW(CMPSD, __m128d, sd, D)
CMP_ROW(CMPPS, __m128, ps, S)
CMP_ROW(CMPPD, __m128d, pd, D)

// (u)comis: ZF PF CF from the host instruction itself; OF SF AF cleared as it does.
#define COMI_ROW(name, insn, T, conv)                                                    \
  VEC_F(name) {                                                                          \
    bool zf, pf, cf;                                                                     \
    T x = conv(a), y = conv(b);                                                          \
    asm volatile(insn " %[y], %[x]" : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf) : [x] "x"(x), [y] "x"(y)); \
    return (zf ? rflags::ZF : 0) | (pf ? rflags::PF : 0) | (cf ? rflags::CF : 0);       \
  }
COMI_ROW(UCOMISS, "ucomiss", __m128, S)
COMI_ROW(UCOMISD, "ucomisd", __m128d, D)
COMI_ROW(COMISS, "comiss", __m128, S)
COMI_ROW(COMISD, "comisd", __m128d, D)

// ---- conversions
BIN_D(CVTSS2SD, [](__m128d x, __m128d y) { return _mm_cvtss_sd(x, _mm_castpd_ps(y)); })
VEC_V(CVTSD2SS) { return out(_mm_cvtsd_ss(S(a), D(b))); }
VEC_V(CVTDQ2PS) { return out(_mm_cvtepi32_ps(I(b))); }
VEC_V(CVTPS2DQ) { return out(_mm_cvtps_epi32(S(b))); }
VEC_V(CVTTPS2DQ) { return out(_mm_cvttps_epi32(S(b))); }
VEC_V(CVTDQ2PD) { return out(_mm_cvtepi32_pd(I(b))); }
VEC_V(CVTPD2DQ) { return out(_mm_cvtpd_epi32(D(b))); }
VEC_V(CVTTPD2DQ) { return out(_mm_cvttpd_epi32(D(b))); }
VEC_V(CVTPS2PD) { return out(_mm_cvtps_pd(S(b))); }
VEC_V(CVTPD2PS) { return out(_mm_cvtpd_ps(D(b))); }
// a is the source for I rows.
VEC_I(CVTSS2SI32) { return static_cast<uint32_t>(_mm_cvtss_si32(S(a))); }
VEC_I(CVTSS2SI64) { return static_cast<uint64_t>(_mm_cvtss_si64(S(a))); }
VEC_I(CVTTSS2SI32) { return static_cast<uint32_t>(_mm_cvttss_si32(S(a))); }
VEC_I(CVTTSS2SI64) { return static_cast<uint64_t>(_mm_cvttss_si64(S(a))); }
VEC_I(CVTSD2SI32) { return static_cast<uint32_t>(_mm_cvtsd_si32(D(a))); }
VEC_I(CVTSD2SI64) { return static_cast<uint64_t>(_mm_cvtsd_si64(D(a))); }
VEC_I(CVTTSD2SI32) { return static_cast<uint32_t>(_mm_cvttsd_si32(D(a))); }
VEC_I(CVTTSD2SI64) { return static_cast<uint64_t>(_mm_cvttsd_si64(D(a))); }
VEC_X(CVTSI2SS32) { return out(_mm_cvtsi32_ss(S(b), static_cast<int>(static_cast<uint32_t>(a)))); }
VEC_X(CVTSI2SS64) { return out(_mm_cvtsi64_ss(S(b), static_cast<long long>(a))); }
VEC_X(CVTSI2SD32) { return out(_mm_cvtsi32_sd(D(b), static_cast<int>(static_cast<uint32_t>(a)))); }
VEC_X(CVTSI2SD64) { return out(_mm_cvtsi64_sd(D(b), static_cast<long long>(a))); }

// AES-NI and PCLMULQDQ: compiled for those features, reached only when the host has them
// (host_cpu(): the frontend decodes them only then).
#define AES_FN(name, fn) \
  __attribute__((target("aes"))) VEC_V(name) { return out(fn(I(a), I(b))); }
AES_FN(AESENC, _mm_aesenc_si128)
AES_FN(AESENCLAST, _mm_aesenclast_si128)
AES_FN(AESDEC, _mm_aesdec_si128)
AES_FN(AESDECLAST, _mm_aesdeclast_si128)
#undef AES_FN
__attribute__((target("aes"))) VEC_V(AESIMC) { return out(_mm_aesimc_si128(I(b))); }
__attribute__((target("aes"))) VEC_V(AESKEYGENASSIST) {
  // The round constant is an immediate operand of the instruction: one case per value.
  switch (imm) {
#define K(n) case n: return out(_mm_aeskeygenassist_si128(I(b), n));
#define K16(n) K(n) K(n + 1) K(n + 2) K(n + 3) K(n + 4) K(n + 5) K(n + 6) K(n + 7) K(n + 8) K(n + 9) K(n + 10) \
  K(n + 11) K(n + 12) K(n + 13) K(n + 14) K(n + 15)
    K16(0) K16(16) K16(32) K16(48) K16(64) K16(80) K16(96) K16(112)
    K16(128) K16(144) K16(160) K16(176) K16(192) K16(208) K16(224) K16(240)
#undef K16
#undef K
  }
  return a;  // (unreachable: imm is 8 bits)
}
__attribute__((target("pclmul"))) VEC_V(PCLMULQDQ) {
  switch (imm & 0x11) {
    case 0x00: return out(_mm_clmulepi64_si128(I(a), I(b), 0x00));
    case 0x01: return out(_mm_clmulepi64_si128(I(a), I(b), 0x01));
    case 0x10: return out(_mm_clmulepi64_si128(I(a), I(b), 0x10));
    default: return out(_mm_clmulepi64_si128(I(a), I(b), 0x11));
  }
}


// Kind-dispatched table: the macro picks the right member for each row's kind.
#define VECFN_V(name) vec_##name, nullptr, nullptr
#define VECFN_I(name) nullptr, vec_##name, nullptr
#define VECFN_F(name) nullptr, vec_##name, nullptr
#define VECFN_X(name) nullptr, nullptr, vec_##name

const VecOpInfo kVecOps[static_cast<unsigned>(VecOp::Count)] = {
#define VECOP(name, kind, fp) {#name, #kind[0], fp != 0, VECFN_##kind(name)},
#include "ir/vecops.def"
#undef VECOP
};

}  // namespace retrace::ir
