#include "ir/flags.h"

namespace retrace::ir {
namespace {

inline unsigned width_of(uint64_t op) { return 8u << (op & 3); }
inline uint64_t mask_of(unsigned w) { return w == 64 ? ~0ull : (1ull << w) - 1; }
inline uint64_t parity(uint64_t v) { return (__builtin_popcount(static_cast<unsigned>(v & 0xff)) & 1) ? 0 : rflags::PF; }
inline uint64_t szp(uint64_t r, unsigned w) {
  uint64_t f = parity(r);
  if ((r & mask_of(w)) == 0) f |= rflags::ZF;
  if ((r >> (w - 1)) & 1) f |= rflags::SF;
  return f;
}

}  // namespace

uint64_t compute_flags(uint64_t op, uint64_t dst, uint64_t s1, uint64_t s2) {
  using namespace rflags;
  const unsigned w = width_of(op);
  const uint64_t m = mask_of(w);
  const unsigned top = w - 1;
  // Add and Sub record only their operands (the native tier does not store the result):
  // the result is theirs to recompute.
  if (static_cast<CcKind>(op >> 2) == CcKind::Add) dst = s1 + s2;
  else if (static_cast<CcKind>(op >> 2) == CcKind::Sub) dst = s1 - s2;
  dst &= m;
  switch (static_cast<CcKind>(op >> 2)) {
    case CcKind::Eager:
      return dst & kStatus;
    case CcKind::Add: case CcKind::Adc: {
      s1 &= m; s2 &= m;
      uint64_t f = szp(dst, w) | ((s1 ^ s2 ^ dst) & AF);
      bool cin = static_cast<CcKind>(op >> 2) == CcKind::Adc && ((dst - s1 - s2) & m) != 0;
      if (cin ? dst <= s1 : dst < s1) f |= CF;
      if ((((s1 ^ dst) & (s2 ^ dst)) >> top) & 1) f |= OF;
      return f;
    }
    case CcKind::Sub: case CcKind::Sbb: {
      s1 &= m; s2 &= m;
      uint64_t f = szp(dst, w) | ((s1 ^ s2 ^ dst) & AF);
      bool bin = static_cast<CcKind>(op >> 2) == CcKind::Sbb && ((s1 - s2 - dst) & m) != 0;
      if (bin ? s1 <= s2 : s1 < s2) f |= CF;
      if ((((s1 ^ s2) & (s1 ^ dst)) >> top) & 1) f |= OF;
      return f;
    }
    case CcKind::Logic:
      return szp(dst, w);
    case CcKind::Inc: {
      uint64_t f = szp(dst, w) | ((s1 ^ 1 ^ dst) & AF) | (s2 ? CF : 0);
      if (dst == (1ull << top)) f |= OF;
      return f;
    }
    case CcKind::Dec: {
      uint64_t f = szp(dst, w) | ((s1 ^ 1 ^ dst) & AF) | (s2 ? CF : 0);
      if ((s1 & m) == (1ull << top)) f |= OF;
      return f;
    }
    case CcKind::Shl: {  // s1 = original value, s2 = count (1..63)
      s1 &= m;
      uint64_t f = szp(dst, w);
      bool cf = s2 <= w ? ((s1 >> (w - s2)) & 1) : 0;
      if (s2 == w) cf = s1 & 1;
      if (cf) f |= CF;
      if ((((dst >> top) & 1) ^ (cf ? 1 : 0)) != 0) f |= OF;
      return f;
    }
    case CcKind::Shr: {
      s1 &= m;
      uint64_t f = szp(dst, w);
      if (s2 <= 64 && ((s1 >> (s2 - 1)) & 1)) f |= CF;
      if ((s1 >> top) & 1) f |= OF;
      return f;
    }
    case CcKind::Sar: {
      int64_t sv = static_cast<int64_t>(s1 << (64 - w)) >> (64 - w);
      uint64_t f = szp(dst, w);
      unsigned sh = s2 - 1 > 63 ? 63 : static_cast<unsigned>(s2 - 1);
      if ((sv >> sh) & 1) f |= CF;
      return f;
    }
    case CcKind::Mul:
      return szp(dst, w) | (s1 ? (CF | OF) : 0);
    case CcKind::Blsi:
      return (szp(dst, w) & (ZF | SF)) | ((s1 & m) ? CF : 0);
    case CcKind::Blsr:
      return (szp(dst, w) & (ZF | SF)) | ((s1 & m) ? 0 : CF);
    case CcKind::Blsmsk:
      return (szp(dst, w) & SF) | ((s1 & m) ? 0 : CF);
    case CcKind::Bzhi:
      return (szp(dst, w) & (ZF | SF)) | (s1 ? CF : 0);
    case CcKind::Lzcnt:
      return (dst == 0 ? ZF : 0) | ((s1 & m) ? 0 : CF);
    case CcKind::Bsf:
      return (s1 & m) ? 0 : ZF;
    case CcKind::Popcnt:
      return (s1 & m) ? 0 : ZF;
  }
  return 0;
}

bool compute_cf(uint64_t op, uint64_t dst, uint64_t s1, uint64_t s2) {
  const unsigned w = width_of(op);
  const uint64_t m = mask_of(w);
  switch (static_cast<CcKind>(op >> 2)) {
    case CcKind::Add: return ((s1 + s2) & m) < (s1 & m);
    case CcKind::Sub: return (s1 & m) < (s2 & m);
    case CcKind::Logic: return false;
    default: return compute_flags(op, dst, s1, s2) & rflags::CF;
  }
}

bool cond_from_flags(unsigned cc, uint64_t f) {
  using namespace rflags;
  bool r;
  switch (cc >> 1) {
    case 0: r = f & OF; break;
    case 1: r = f & CF; break;
    case 2: r = f & ZF; break;
    case 3: r = f & (CF | ZF); break;
    case 4: r = f & SF; break;
    case 5: r = f & PF; break;
    case 6: r = ((f & SF) != 0) != ((f & OF) != 0); break;
    default: r = (f & ZF) || (((f & SF) != 0) != ((f & OF) != 0)); break;
  }
  return (cc & 1) ? !r : r;
}

bool eval_cond(unsigned cc, uint64_t op, uint64_t dst, uint64_t s1, uint64_t s2) {
  const unsigned w = width_of(op);
  const uint64_t m = mask_of(w);
  const CcKind k = static_cast<CcKind>(op >> 2);
  if (k == CcKind::Sub) {
    // cmp a, b: answer from the operands without forming flags.
    uint64_t a = s1 & m, b = s2 & m;
    int64_t sa = static_cast<int64_t>(a << (64 - w)) >> (64 - w);
    int64_t sb = static_cast<int64_t>(b << (64 - w)) >> (64 - w);
    switch (static_cast<Cc>(cc)) {
      case Cc::B: return a < b;
      case Cc::AE: return a >= b;
      case Cc::E: return a == b;
      case Cc::NE: return a != b;
      case Cc::BE: return a <= b;
      case Cc::A: return a > b;
      case Cc::L: return sa < sb;
      case Cc::GE: return sa >= sb;
      case Cc::LE: return sa <= sb;
      case Cc::G: return sa > sb;
      default: break;
    }
  } else if (k == CcKind::Logic) {
    uint64_t r = dst & m;
    bool neg = (r >> (w - 1)) & 1;
    switch (static_cast<Cc>(cc)) {
      case Cc::E: return r == 0;
      case Cc::NE: return r != 0;
      case Cc::S: case Cc::L: return neg;
      case Cc::NS: case Cc::GE: return !neg;
      case Cc::LE: return r == 0 || neg;
      case Cc::G: return r != 0 && !neg;
      default: break;
    }
  }
  return cond_from_flags(cc, compute_flags(op, dst, s1, s2));
}

}  // namespace retrace::ir
