// Vector-op implementations (see vecops.def). Where SSE has the operation, the host runs
// that very instruction through its intrinsic: results, NaN propagation and MXCSR flags
// then match the hardware by construction.
#include "ir/vecops.h"

#include <immintrin.h>

#include <cstring>

#include "ir/ir.h"

namespace retrace::ir {
namespace {

inline __m128i I(V128 v) { return _mm_set_epi64x(static_cast<long long>(v.hi), static_cast<long long>(v.lo)); }
inline __m128d D(V128 v) { return _mm_castsi128_pd(I(v)); }
inline V128 out(__m128i x) {
  V128 r;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&r), x);
  return r;
}
inline V128 out(__m128d x) { return out(_mm_castpd_si128(x)); }

}  // namespace

#define VEC_V(name) static V128 vec_##name(V128 a, V128 b, [[maybe_unused]] uint8_t imm)
#define VEC_I(name) static uint64_t vec_##name(V128 a, V128 b, [[maybe_unused]] uint8_t imm)
#define VEC_X(name) static V128 vec_##name(uint64_t a, V128 b, [[maybe_unused]] uint8_t imm)

VEC_V(PXOR) { return out(_mm_xor_si128(I(a), I(b))); }
VEC_V(POR) { return out(_mm_or_si128(I(a), I(b))); }
VEC_V(PAND) { return out(_mm_and_si128(I(a), I(b))); }
VEC_V(PANDN) { return out(_mm_andnot_si128(I(a), I(b))); }
VEC_V(PADDD) { return out(_mm_add_epi32(I(a), I(b))); }
VEC_V(MOVQ_ZX) { return {b.lo, 0}; }
VEC_X(MOVD_TO_XMM) { return {a & 0xffffffffu, 0}; }
VEC_X(MOVQ_TO_XMM) { return {a, 0}; }
VEC_I(MOVD_FROM_XMM) { return a.lo & 0xffffffffu; }
VEC_I(MOVQ_FROM_XMM) { return a.lo; }
VEC_I(PMOVMSKB) { return static_cast<uint32_t>(_mm_movemask_epi8(I(a))); }
VEC_V(ADDSD) { return out(_mm_add_sd(D(a), D(b))); }
VEC_I(UCOMISD) {
  // ZF PF CF from the unordered compare; OF SF AF cleared (as the instruction does).
  __m128d x = D(a), y = D(b);
  uint64_t f = 0;
  if (_mm_ucomieq_sd(x, y)) f |= rflags::ZF;
  if (_mm_ucomilt_sd(x, y)) f |= rflags::CF;
  double dx = _mm_cvtsd_f64(x), dy = _mm_cvtsd_f64(y);
  if (dx != dx || dy != dy) f = rflags::ZF | rflags::PF | rflags::CF;
  return f;
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
