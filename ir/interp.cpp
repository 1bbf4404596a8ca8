// Interpreter tier. See interp.h. Invariants relied on here:
//   - the verifier accepted the block (operands defined, one terminator at the end);
//   - values narrower than 64 bits sit zero-extended in their slots, so ops that only
//     need the low bits of their inputs (add, and, ...) mask only their result.
#include "ir/interp.h"

#include <csignal>
#include <cstring>
#include <cmath>
#include <x86intrin.h>

#include "ir/flags.h"
#include "ir/host_cpu.h"
#include "ir/vecops.h"
#include "ir/x87.h"

namespace retrace::ir {

thread_local FaultContext t_fault;

namespace {

inline uint64_t sx(uint64_t v, unsigned w) {
  return w >= 64 ? v : static_cast<uint64_t>(static_cast<int64_t>(v << (64 - w)) >> (64 - w));
}
// Width tables indexed by Type (a lookup, not a switch, on the hot path).
constexpr uint64_t kMaskOf[] = {0, 1, 0xff, 0xffff, 0xffffffff, ~0ull, 0xffffffff, ~0ull, ~0ull, ~0ull};
constexpr uint8_t kBitsOf[] = {0, 1, 8, 16, 32, 64, 32, 64, 128, 64};
static_assert(sizeof(kMaskOf) / sizeof(kMaskOf[0]) == static_cast<unsigned>(Type::Addr) + 1);
inline uint64_t mask(Type t) { return kMaskOf[static_cast<unsigned>(t)]; }
inline unsigned bits(Type t) { return kBitsOf[static_cast<unsigned>(t)]; }
inline unsigned shift_count(uint64_t c, unsigned w) { return static_cast<unsigned>(c & (w == 64 ? 63 : 31)); }

inline uint64_t load(uint64_t addr, Type t) {
  switch (t) {
    case Type::I8: return *reinterpret_cast<const volatile uint8_t*>(addr);
    case Type::I16: { uint16_t v; memcpy(&v, reinterpret_cast<const void*>(addr), 2); return v; }
    case Type::I32: case Type::F32: { uint32_t v; memcpy(&v, reinterpret_cast<const void*>(addr), 4); return v; }
    default: { uint64_t v; memcpy(&v, reinterpret_cast<const void*>(addr), 8); return v; }
  }
}
inline void store(uint64_t addr, Type t, uint64_t v) {
  switch (t) {
    case Type::I8: *reinterpret_cast<volatile uint8_t*>(addr) = static_cast<uint8_t>(v); break;
    case Type::I16: { uint16_t x = static_cast<uint16_t>(v); memcpy(reinterpret_cast<void*>(addr), &x, 2); break; }
    case Type::I32: case Type::F32: { uint32_t x = static_cast<uint32_t>(v); memcpy(reinterpret_cast<void*>(addr), &x, 4); break; }
    default: memcpy(reinterpret_cast<void*>(addr), &v, 8); break;
  }
}

template <typename T>
uint64_t atomic_rmw(uint64_t addr, AtomicOp op, uint64_t val) {
  T* p = reinterpret_cast<T*>(addr);
  T v = static_cast<T>(val);
  switch (op) {
    case AtomicOp::Xchg: return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
    case AtomicOp::Add: return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
    case AtomicOp::Sub: return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST);
    case AtomicOp::And: return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST);
    case AtomicOp::Or: return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);
    case AtomicOp::Xor: return __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST);
  }
  return 0;
}
uint64_t do_atomic_rmw(uint64_t addr, Type t, AtomicOp op, uint64_t v) {
  switch (t) {
    case Type::I8: return atomic_rmw<uint8_t>(addr, op, v);
    case Type::I16: return atomic_rmw<uint16_t>(addr, op, v);
    case Type::I32: return atomic_rmw<uint32_t>(addr, op, v);
    default: return atomic_rmw<uint64_t>(addr, op, v);
  }
}
template <typename T>
uint64_t cas(uint64_t addr, uint64_t expected, uint64_t desired) {
  T e = static_cast<T>(expected);
  __atomic_compare_exchange_n(reinterpret_cast<T*>(addr), &e, static_cast<T>(desired), false,
                              __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return e;
}
uint64_t do_cas(uint64_t addr, Type t, uint64_t expected, uint64_t desired) {
  switch (t) {
    case Type::I8: return cas<uint8_t>(addr, expected, desired);
    case Type::I16: return cas<uint16_t>(addr, expected, desired);
    case Type::I32: return cas<uint32_t>(addr, expected, desired);
    default: return cas<uint64_t>(addr, expected, desired);
  }
}

uint64_t pdep(uint64_t src, uint64_t m) {
  uint64_t r = 0;
  for (uint64_t bb = 1; m; bb <<= 1) {
    if (src & bb) r |= m & -m;
    m &= m - 1;
  }
  return r;
}
uint64_t pext(uint64_t src, uint64_t m) {
  uint64_t r = 0;
  for (uint64_t bb = 1; m; bb <<= 1) {
    if (src & m & -m) r |= bb;
    m &= m - 1;
  }
  return r;
}

inline uint64_t cur_flags(const uint64_t* v) {
  return compute_flags(v[kSlotCcOp], v[kSlotCcDst], v[kSlotCcSrc1], v[kSlotCcSrc2]);
}
inline void set_eager(uint64_t* v, uint64_t f) {
  v[kSlotCcOp] = cc_op(CcKind::Eager, Type::I64);
  v[kSlotCcDst] = f & rflags::kStatus;
}
inline uint64_t szp(uint64_t r, unsigned w) {
  uint64_t f = (__builtin_popcount(static_cast<unsigned>(r & 0xff)) & 1) ? 0 : rflags::PF;
  if ((r & (w == 64 ? ~0ull : (1ull << w) - 1)) == 0) f |= rflags::ZF;
  if ((r >> (w - 1)) & 1) f |= rflags::SF;
  return f;
}

// Rotates and double shifts compute their flags eagerly: they keep some flags and
// define others only for some counts, which a lazy kind would not express cheaply.
uint64_t rotate_f(Op op, uint64_t a, uint64_t cnt_in, Type t, uint64_t* v) {
  const unsigned w = bits(t);
  const uint64_t m = mask(t);
  a &= m;
  unsigned cnt = shift_count(cnt_in, w);
  uint64_t f = cur_flags(v);
  const uint64_t top = 1ull << (w - 1);
  uint64_t r = a;
  switch (op) {
    case Op::RolF: {
      if (!cnt) return a;
      unsigned k = cnt % w;
      r = k ? ((a << k) | (a >> (w - k))) & m : a;
      bool cf = r & 1;
      f = (f & ~(rflags::CF | rflags::OF)) | (cf ? rflags::CF : 0) | ((((r & top) != 0) ^ cf) ? rflags::OF : 0);
      break;
    }
    case Op::RorF: {
      if (!cnt) return a;
      unsigned k = cnt % w;
      r = k ? ((a >> k) | (a << (w - k))) & m : a;
      bool cf = (r & top) != 0;
      bool of = cf ^ ((r & (top >> 1)) != 0);
      f = (f & ~(rflags::CF | rflags::OF)) | (cf ? rflags::CF : 0) | (of ? rflags::OF : 0);
      break;
    }
    case Op::RclF: case Op::RcrF: {
      unsigned k = w == 8 ? cnt % 9 : w == 16 ? cnt % 17 : cnt;
      if (!cnt) return a;
      bool cf = f & rflags::CF;
      bool of = false;
      if (op == Op::RcrF) of = ((a & top) != 0) ^ cf;
      for (unsigned i = 0; i < k; ++i) {
        if (op == Op::RclF) {
          bool out = (r & top) != 0;
          r = ((r << 1) | (cf ? 1 : 0)) & m;
          cf = out;
        } else {
          bool out = r & 1;
          r = (r >> 1) | (cf ? top : 0);
          cf = out;
        }
      }
      if (op == Op::RclF) of = ((r & top) != 0) ^ cf;
      f = (f & ~(rflags::CF | rflags::OF)) | (cf ? rflags::CF : 0) | (of ? rflags::OF : 0);
      break;
    }
    default: break;
  }
  set_eager(v, f);
  return r;
}

uint64_t double_shift_f(Op op, uint64_t a, uint64_t b, uint64_t cnt_in, Type t, uint64_t* v) {
  const unsigned w = bits(t);
  const uint64_t m = mask(t);
  a &= m;
  b &= m;
  unsigned cnt = shift_count(cnt_in, w);
  if (!cnt) return a;
  // Work on a 128-bit concatenation so counts up to the width need no special cases;
  // 16-bit counts above 16 are undefined on hardware and give "something" here too.
  unsigned __int128 r;
  bool cf;
  if (op == Op::ShldF) {
    unsigned __int128 cat = (static_cast<unsigned __int128>(a) << w) | b;
    r = (cat << cnt) >> w;
    cf = cnt <= w ? ((a >> (w - cnt)) & 1) : ((b >> (2 * w - cnt)) & 1);
  } else {
    unsigned __int128 cat = (static_cast<unsigned __int128>(b) << w) | a;
    r = cat >> cnt;
    cf = cnt <= w ? ((a >> (cnt - 1)) & 1) : ((b >> (cnt - 1 - w)) & 1);
  }
  uint64_t res = static_cast<uint64_t>(r) & m;
  bool of = ((res ^ a) >> (w - 1)) & 1;
  uint64_t f = szp(res, w) | (cf ? rflags::CF : 0) | (of ? rflags::OF : 0);
  set_eager(v, f);
  return res;
}

// String instructions run whole, rep loop included, as one op.
void do_string(const Inst& in, MachineState& st) {
  uint64_t* v = st.slot;
  const unsigned bytes = bits(in.type) / 8;
  const auto kind = static_cast<StringOp>(in.aux & 15);
  const unsigned rep = in.aux >> 4;
  const int64_t step = (v[kSlotCtlFlags] & rflags::DF) ? -static_cast<int64_t>(bytes) : bytes;
  uint64_t& rcx = v[1];
  uint64_t& rsi = v[6];
  uint64_t& rdi = v[7];
  uint64_t& rax = v[0];
  const uint64_t m = mask(in.type);
  auto write_acc = [&](uint64_t val) {
    if (bytes == 1) rax = (rax & ~0xffull) | (val & 0xff);
    else if (bytes == 2) rax = (rax & ~0xffffull) | (val & 0xffff);
    else rax = val & m;
  };
  if (rep && rcx == 0) return;
  if (kind == StringOp::Movs && rep && step > 0) {
    uint64_t n = rcx * bytes;
    bool overlap = rdi > rsi && rdi < rsi + n;
    if (!overlap) {
      memmove(reinterpret_cast<void*>(rdi), reinterpret_cast<const void*>(rsi), n);
      rsi += n;
      rdi += n;
      rcx = 0;
      return;
    }
  }
  if (kind == StringOp::Stos && rep && step > 0 && bytes == 1) {
    memset(reinterpret_cast<void*>(rdi), static_cast<int>(rax & 0xff), rcx);
    rdi += rcx;
    rcx = 0;
    return;
  }
  for (;;) {
    switch (kind) {
      case StringOp::Movs: store(rdi, in.type, load(rsi, in.type)); rsi += step; rdi += step; break;
      case StringOp::Stos: store(rdi, in.type, rax & m); rdi += step; break;
      case StringOp::Lods: write_acc(load(rsi, in.type)); rsi += step; break;
      case StringOp::Scas: {
        uint64_t x = load(rdi, in.type);
        v[kSlotCcOp] = cc_op(CcKind::Sub, in.type);
        v[kSlotCcSrc1] = rax & m; v[kSlotCcSrc2] = x; v[kSlotCcDst] = ((rax & m) - x) & m;
        rdi += step;
        break;
      }
      case StringOp::Cmps: {
        uint64_t x = load(rsi, in.type), y = load(rdi, in.type);
        v[kSlotCcOp] = cc_op(CcKind::Sub, in.type);
        v[kSlotCcSrc1] = x; v[kSlotCcSrc2] = y; v[kSlotCcDst] = (x - y) & m;
        rsi += step; rdi += step;
        break;
      }
    }
    if (!rep) return;
    if (--rcx == 0) return;
    if (kind == StringOp::Scas || kind == StringOp::Cmps) {
      bool zf = v[kSlotCcDst] == 0;
      if (rep == 1 && !zf) return;   // repe: stop on mismatch
      if (rep == 2 && zf) return;    // repne: stop on match
    }
  }
}

bool cmpxchg16b(uint64_t addr, uint64_t* v) {
  uint64_t lo = v[0], hi = v[2];
  bool ok;
  __asm__ __volatile__("lock cmpxchg16b %1\n\tsete %0"
                       : "=q"(ok), "+m"(*reinterpret_cast<unsigned __int128*>(addr)), "+a"(lo), "+d"(hi)
                       : "b"(v[3]), "c"(v[1])
                       : "memory", "cc");
  v[0] = lo;
  v[2] = hi;
  return ok;
}

template <typename F>
inline uint64_t fp2(Type t, uint64_t a, uint64_t b, F f) {
  if (t == Type::F32) {
    float x, y; uint32_t ua = static_cast<uint32_t>(a), ub = static_cast<uint32_t>(b);
    memcpy(&x, &ua, 4); memcpy(&y, &ub, 4);
    float r = static_cast<float>(f(x, y)); uint32_t u; memcpy(&u, &r, 4); return u;
  }
  double x, y; memcpy(&x, &a, 8); memcpy(&y, &b, 8);
  double r = f(x, y); uint64_t u; memcpy(&u, &r, 8); return u;
}
inline double as_double(Type t, uint64_t a) {
  if (t == Type::F32) { float x; uint32_t u = static_cast<uint32_t>(a); memcpy(&x, &u, 4); return x; }
  double x; memcpy(&x, &a, 8); return x;
}
inline uint64_t from_double(Type t, double d) {
  if (t == Type::F32) { float f = static_cast<float>(d); uint32_t u; memcpy(&u, &f, 4); return u; }
  uint64_t u; memcpy(&u, &d, 8); return u;
}

}  // namespace

void cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4]) {
  // eax, ebx, ecx, edx. Only what the IR and every tier implement is reported, so that
  // guests (glibc ifunc resolvers) pick code paths retrace can run.
  out[0] = out[1] = out[2] = out[3] = 0;
  switch (leaf) {
    case 0: out[0] = 7; out[1] = 0x756e6547; out[3] = 0x49656e69; out[2] = 0x6c65746e; break;  // GenuineIntel
    case 1:
      out[0] = 0x000306c3;                // family 6 model 60 (a plain x86-64 core)
      out[1] = 0x00000800;                // clflush line size 8*8
      // ecx: sse3, ssse3, cx16, sse4.1, sse4.2, popcnt
      out[2] = (1u << 0) | (1u << 9) | (1u << 13) | (1u << 19) | (1u << 20) | (1u << 23);
      // edx: fpu, tsc, cx8, cmov, clfsh, mmx, fxsr, sse, sse2 (MMX: frontend/x86/handlers_mmx.cpp;
      // the x86-64 baseline ISA level, which Debian's ld.so checks, includes it).
      out[3] = (1u << 0) | (1u << 4) | (1u << 8) | (1u << 15) | (1u << 19) | (1u << 23) | (1u << 24) |
               (1u << 25) | (1u << 26);
      if (host_cpu().pclmul) out[2] |= 1u << 1;  // pclmulqdq
      if (host_cpu().aes) out[2] |= 1u << 25;    // aes
      break;
    case 7:
      if (subleaf == 0) out[1] = (1u << 3) | (1u << 8);  // bmi1, bmi2
      break;
    case 0x80000000: out[0] = 0x80000001; break;
    case 0x80000001:
      out[2] = (1u << 0) | (1u << 5);     // lahf/sahf in 64-bit mode, lzcnt (abm)
      out[3] = (1u << 11) | (1u << 29);   // syscall, long mode
      break;
    default: break;
  }
}

bool interpret_one(const Inst& in, MachineState& st, uint64_t guest_pc) {
  thread_local Block one;
  if (one.insts.size() != 2) {
    one.insts.resize(2);
    one.insts[1].op = Op::ExitJmp;
    one.marks.assign(1, InsnMark{0, 0});
  }
  one.pc = guest_pc;  // (its one mark is at offset 0)
  one.insts[0] = in;
  Exit e = interpret(one, st);
  if (e.kind != ExitKind::Trap) return false;
  st.rip = e.next;
  return true;
}

Exit interpret(const Block& blk, MachineState& st) {
  static const void* const kLabels[] = {
#define OP(name, nargs, props) &&L_##name,
#include "ir/ops.def"
#undef OP
  };
  static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == kNumOps, "one label per op");

  uint64_t* const v = st.slot;
  const Inst* const base = blk.insts.data();
  const Inst* ip = base;
  FaultContext& fc = t_fault;
  fc.block = &blk;
  fc.inst = nullptr;

#define NEXT do { ++ip; goto* kLabels[static_cast<unsigned>(ip->op)]; } while (0)
#define I (*ip)
#define A v[I.a]
#define B v[I.b]
#define C v[I.c]
#define M mask(I.type)
#define W bits(I.type)
#define GUARD fc.inst = ip

  goto* kLabels[static_cast<unsigned>(ip->op)];

L_Const:
  v[I.dst] = I.imm;
  if (I.type == Type::V128) v[I.dst + 1] = I.imm2;
  NEXT;
L_Mov:
  if (I.type == Type::V128) { uint64_t lo = A, hi = v[I.a + 1]; v[I.dst] = lo; v[I.dst + 1] = hi; NEXT; }
  v[I.dst] = A & M;
  NEXT;
L_Zext: v[I.dst] = A & mask(static_cast<Type>(I.aux)) & M; NEXT;
L_Sext: v[I.dst] = sx(A & mask(static_cast<Type>(I.aux)), bits(static_cast<Type>(I.aux))) & M; NEXT;
L_Merge8L: v[I.dst] = (A & ~0xffull) | (B & 0xff); NEXT;
L_Merge8H: v[I.dst] = (A & ~0xff00ull) | ((B & 0xff) << 8); NEXT;
L_Merge16: v[I.dst] = (A & ~0xffffull) | (B & 0xffff); NEXT;
L_Extract8H: v[I.dst] = (A >> 8) & 0xff; NEXT;
L_Select:
  if (I.type == Type::V128) {
    Slot from = (C & 1) ? I.a : I.b;
    uint64_t lo = v[from], hi = v[from + 1];
    v[I.dst] = lo; v[I.dst + 1] = hi;
    NEXT;
  }
  v[I.dst] = ((C & 1) ? A : B) & M;
  NEXT;

L_Add: v[I.dst] = (A + B) & M; NEXT;
L_Sub: v[I.dst] = (A - B) & M; NEXT;
L_Mul: v[I.dst] = (A * B) & M; NEXT;
L_MulHiU: {
  unsigned w = W;
  uint64_t r = w == 64 ? static_cast<uint64_t>((static_cast<unsigned __int128>(A) * B) >> 64)
                       : ((A & M) * (B & M)) >> w;
  v[I.dst] = r & M;
  NEXT;
}
L_MulHiS: {
  unsigned w = W;
  uint64_t r = w == 64 ? static_cast<uint64_t>((static_cast<__int128>(static_cast<int64_t>(A)) * static_cast<int64_t>(B)) >> 64)
                       : static_cast<uint64_t>((static_cast<int64_t>(sx(A & M, w)) * static_cast<int64_t>(sx(B & M, w))) >> w);
  v[I.dst] = r & M;
  NEXT;
}
L_DivU: {
  unsigned w = W;
  uint64_t d = C & M;
  unsigned __int128 n = (static_cast<unsigned __int128>(A & M) << w) | (B & M);
  if (d == 0) goto div_fault;
  unsigned __int128 q = n / d;
  if (q > M) goto div_fault;
  uint64_t r = static_cast<uint64_t>(n % d);
  v[I.dst] = static_cast<uint64_t>(q);
  v[I.dst + 1] = r;
  NEXT;
}
L_DivS: {
  unsigned w = W;
  int64_t d = static_cast<int64_t>(sx(C & M, w));
  __int128 n = static_cast<__int128>((static_cast<unsigned __int128>(A & M) << w) | (B & M));
  if (w < 64) n = static_cast<int64_t>(sx(static_cast<uint64_t>(n), 2 * w));
  if (d == 0) goto div_fault;
  // -2^127 / -1 overflows __int128 (undefined behaviour); x86 raises #DE for it anyway.
  if (d == -1 && n == static_cast<__int128>(static_cast<unsigned __int128>(1) << 127)) goto div_fault;
  __int128 q = n / d;
  const int64_t lo = w == 64 ? INT64_MIN : -static_cast<int64_t>(1ull << (w - 1));
  const int64_t hi = w == 64 ? INT64_MAX : static_cast<int64_t>((1ull << (w - 1)) - 1);
  if (q < lo || q > hi) goto div_fault;
  v[I.dst] = static_cast<uint64_t>(q) & M;
  v[I.dst + 1] = static_cast<uint64_t>(n % d) & M;
  NEXT;
}
L_And: v[I.dst] = A & B & M; NEXT;
L_Or: v[I.dst] = (A | B) & M; NEXT;
L_Xor: v[I.dst] = (A ^ B) & M; NEXT;
L_Not: v[I.dst] = ~A & M; NEXT;
L_Neg: v[I.dst] = (0 - A) & M; NEXT;
L_Shl: { unsigned c = shift_count(B, W); v[I.dst] = (c >= 64 ? 0 : (A << c)) & M; NEXT; }
L_Shr: { unsigned c = shift_count(B, W); v[I.dst] = (A & M) >> c; NEXT; }
L_Sar: { unsigned c = shift_count(B, W); v[I.dst] = static_cast<uint64_t>(static_cast<int64_t>(sx(A & M, W)) >> c) & M; NEXT; }
L_Rol: { unsigned w = W, c = shift_count(B, w) % w; uint64_t a = A & M; v[I.dst] = c ? ((a << c) | (a >> (w - c))) & M : a; NEXT; }
L_Ror: { unsigned w = W, c = shift_count(B, w) % w; uint64_t a = A & M; v[I.dst] = c ? ((a >> c) | (a << (w - c))) & M : a; NEXT; }
L_CmpEq: v[I.dst] = (A & M) == (B & M); NEXT;
L_CmpNe: v[I.dst] = (A & M) != (B & M); NEXT;
L_CmpLtU: v[I.dst] = (A & M) < (B & M); NEXT;
L_CmpLeU: v[I.dst] = (A & M) <= (B & M); NEXT;
L_CmpLtS: v[I.dst] = static_cast<int64_t>(sx(A & M, W)) < static_cast<int64_t>(sx(B & M, W)); NEXT;
L_CmpLeS: v[I.dst] = static_cast<int64_t>(sx(A & M, W)) <= static_cast<int64_t>(sx(B & M, W)); NEXT;
L_Bswap: {
  uint64_t a = A;
  v[I.dst] = W == 64 ? __builtin_bswap64(a) : W == 32 ? __builtin_bswap32(static_cast<uint32_t>(a)) : 0;  // 16-bit bswap is undefined: 0 as hardware
  NEXT;
}
L_Popcnt: v[I.dst] = static_cast<uint64_t>(__builtin_popcountll(A & M)); NEXT;
L_Lzcnt: { uint64_t a = A & M; v[I.dst] = a ? static_cast<uint64_t>(__builtin_clzll(a) - (64 - W)) : W; NEXT; }
L_Tzcnt: { uint64_t a = A & M; v[I.dst] = a ? static_cast<uint64_t>(__builtin_ctzll(a)) : W; NEXT; }
L_Pdep: v[I.dst] = pdep(A, B & M) & M; NEXT;
L_Pext: v[I.dst] = pext(A, B & M) & M; NEXT;
L_Bzhi: { unsigned n = static_cast<unsigned>(B & 0xff); v[I.dst] = n >= W ? (A & M) : (A & ((1ull << n) - 1)); NEXT; }
L_Bextr: {
  unsigned s = static_cast<unsigned>(B & 0xff), l = static_cast<unsigned>((B >> 8) & 0xff);
  uint64_t a = A & M;
  uint64_t r = s >= W ? 0 : a >> s;
  if (l < 64) r &= (1ull << l) - 1;
  v[I.dst] = r & M;
  NEXT;
}

L_AddF: { uint64_t a = A, b = B, r = (a + b) & M; v[kSlotCcOp] = cc_op(CcKind::Add, I.type); v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = b; v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_SubF: { uint64_t a = A, b = B, r = (a - b) & M; v[kSlotCcOp] = cc_op(CcKind::Sub, I.type); v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = b; v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_AdcF: { uint64_t a = A, b = B, r = (a + b + (C & 1)) & M; v[kSlotCcOp] = cc_op(CcKind::Adc, I.type); v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = b; v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_SbbF: { uint64_t a = A, b = B, r = (a - b - (C & 1)) & M; v[kSlotCcOp] = cc_op(CcKind::Sbb, I.type); v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = b; v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_AndF: { uint64_t r = A & B & M; v[kSlotCcOp] = cc_op(CcKind::Logic, I.type); v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_OrF: { uint64_t r = (A | B) & M; v[kSlotCcOp] = cc_op(CcKind::Logic, I.type); v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_XorF: { uint64_t r = (A ^ B) & M; v[kSlotCcOp] = cc_op(CcKind::Logic, I.type); v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_IncF: L_DecF: {
  uint64_t a = A;
  bool cf = compute_cf(v[kSlotCcOp], v[kSlotCcDst], v[kSlotCcSrc1], v[kSlotCcSrc2]);
  bool inc = I.op == Op::IncF;
  uint64_t r = (inc ? a + 1 : a - 1) & M;
  v[kSlotCcOp] = cc_op(inc ? CcKind::Inc : CcKind::Dec, I.type);
  v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = cf; v[kSlotCcDst] = r; v[I.dst] = r;
  NEXT;
}
L_NegF: { uint64_t a = A, r = (0 - a) & M; v[kSlotCcOp] = cc_op(CcKind::Sub, I.type); v[kSlotCcSrc1] = 0; v[kSlotCcSrc2] = a; v[kSlotCcDst] = r; v[I.dst] = r; NEXT; }
L_ShlF: L_ShrF: L_SarF: {
  unsigned w = W, c = shift_count(B, w);
  uint64_t a = A & M, r;
  if (!c) { v[I.dst] = a; NEXT; }
  CcKind k;
  if (I.op == Op::ShlF) { r = (c >= 64 ? 0 : a << c) & M; k = CcKind::Shl; }
  else if (I.op == Op::ShrF) { r = a >> c; k = CcKind::Shr; }
  else { r = static_cast<uint64_t>(static_cast<int64_t>(sx(a, w)) >> c) & M; k = CcKind::Sar; }
  v[kSlotCcOp] = cc_op(k, I.type); v[kSlotCcSrc1] = a; v[kSlotCcSrc2] = c; v[kSlotCcDst] = r; v[I.dst] = r;
  NEXT;
}
L_RolF: L_RorF: L_RclF: L_RcrF: v[I.dst] = rotate_f(I.op, A, B, I.type, v); NEXT;
L_ShldF: L_ShrdF: v[I.dst] = double_shift_f(I.op, A, B, C, I.type, v); NEXT;

L_SetCC: { uint64_t a = A, b = B, c = C; v[kSlotCcOp] = I.aux; v[kSlotCcDst] = a; v[kSlotCcSrc1] = b; v[kSlotCcSrc2] = c; NEXT; }
L_GetFlags: v[I.dst] = (cur_flags(v) | v[kSlotCtlFlags] | rflags::kFixed) & M; NEXT;
L_SetFlags: {
  uint64_t f = A;
  constexpr uint64_t kCtl = rflags::DF | rflags::AC | rflags::ID;
  set_eager(v, f);
  v[kSlotCtlFlags] = (v[kSlotCtlFlags] & ~kCtl) | (f & kCtl);
  NEXT;
}
L_GetCF: v[I.dst] = compute_cf(v[kSlotCcOp], v[kSlotCcDst], v[kSlotCcSrc1], v[kSlotCcSrc2]); NEXT;
L_Cond: {
  // Inline fast path for the commonest producer: a 64-bit or 32-bit cmp/sub.
  const uint64_t op = v[kSlotCcOp];
  if (op == cc_op(CcKind::Sub, Type::I64)) {
    uint64_t a = v[kSlotCcSrc1], b = v[kSlotCcSrc2];
    switch (I.aux) {  // Cc values; A and B are operand macros here
      case 4: v[I.dst] = a == b; NEXT;
      case 5: v[I.dst] = a != b; NEXT;
      case 2: v[I.dst] = a < b; NEXT;
      case 3: v[I.dst] = a >= b; NEXT;
      case 6: v[I.dst] = a <= b; NEXT;
      case 7: v[I.dst] = a > b; NEXT;
      case 12: v[I.dst] = static_cast<int64_t>(a) < static_cast<int64_t>(b); NEXT;
      case 13: v[I.dst] = static_cast<int64_t>(a) >= static_cast<int64_t>(b); NEXT;
      case 14: v[I.dst] = static_cast<int64_t>(a) <= static_cast<int64_t>(b); NEXT;
      case 15: v[I.dst] = static_cast<int64_t>(a) > static_cast<int64_t>(b); NEXT;
      default: break;
    }
  }
  v[I.dst] = eval_cond(I.aux, op, v[kSlotCcDst], v[kSlotCcSrc1], v[kSlotCcSrc2]);
  NEXT;
}

L_Addr: v[I.dst] = (A + (B << I.aux) + I.imm) & M; NEXT;
L_Load:
  GUARD;
  if (I.type == Type::V128) {
    uint64_t p[2];
    memcpy(p, reinterpret_cast<const void*>(A + I.imm), 16);
    v[I.dst] = p[0]; v[I.dst + 1] = p[1];
    NEXT;
  }
  v[I.dst] = load(A + I.imm, I.type);
  NEXT;
L_Store:
  GUARD;
  if (I.type == Type::V128) {
    uint64_t p[2] = {B, v[I.b + 1]};
    memcpy(reinterpret_cast<void*>(A + I.imm), p, 16);
    NEXT;
  }
  store(A + I.imm, I.type, B);
  NEXT;
L_AtomicRMW: GUARD; v[I.dst] = do_atomic_rmw(A, I.type, static_cast<AtomicOp>(I.aux), B) & M; NEXT;
L_CmpXchg: GUARD; v[I.dst] = do_cas(A, I.type, B, C) & M; NEXT;
L_CmpXchg16: {
  GUARD;
  uint64_t addr = A;
  if (addr & 15) {
    st.trap_signal = SIGSEGV; st.trap_code = 128 /* SI_KERNEL, as #GP */; st.trap_addr = 0;
    goto trap_here;
  }
  uint64_t f = cur_flags(v) & ~rflags::ZF;
  if (cmpxchg16b(addr, v)) f |= rflags::ZF;
  set_eager(v, f);
  NEXT;
}
L_String: GUARD; do_string(I, st); NEXT;

L_Cpuid: {
  uint32_t out[4];
  cpuid(static_cast<uint32_t>(v[0]), static_cast<uint32_t>(v[1]), out);
  v[0] = out[0]; v[3] = out[1]; v[1] = out[2]; v[2] = out[3];
  NEXT;
}
L_Rdtsc: { uint64_t t = __rdtsc(); v[0] = t & 0xffffffff; v[2] = t >> 32; NEXT; }
L_PortIn:
  if (!st.ports) { st.trap_signal = SIGSEGV; st.trap_code = 128; st.trap_addr = 0; goto trap_here; }
  v[I.dst] = st.ports->in(static_cast<uint16_t>(A), W / 8) & M;
  NEXT;
L_PortOut:
  if (!st.ports) { st.trap_signal = SIGSEGV; st.trap_code = 128; st.trap_addr = 0; goto trap_here; }
  st.ports->out(static_cast<uint16_t>(A), W / 8, B & M);
  NEXT;
L_CallHelper:
  if (I.imm >= st.num_helpers) { st.trap_signal = SIGILL; st.trap_code = 0; st.trap_addr = 0; goto trap_here; }
  {
    st.trap_signal = 0;
    uint64_t r = st.helpers[I.imm](st, A, B, C);
    if (st.trap_signal) goto trap_here;
    v[I.dst] = r & M;
  }
  NEXT;

L_FAdd: v[I.dst] = fp2(I.type, A, B, [](double x, double y) { return x + y; }); NEXT;
L_FSub: v[I.dst] = fp2(I.type, A, B, [](double x, double y) { return x - y; }); NEXT;
L_FMul: v[I.dst] = fp2(I.type, A, B, [](double x, double y) { return x * y; }); NEXT;
L_FDiv: v[I.dst] = fp2(I.type, A, B, [](double x, double y) { return x / y; }); NEXT;
L_FSqrt: v[I.dst] = from_double(I.type, std::sqrt(as_double(I.type, A))); NEXT;
L_FCmpLt: v[I.dst] = as_double(static_cast<Type>(I.aux), A) < as_double(static_cast<Type>(I.aux), B); NEXT;
L_CvtSI2F: v[I.dst] = from_double(I.type, static_cast<double>(static_cast<int64_t>(sx(A, bits(static_cast<Type>(I.aux)))))); NEXT;
L_CvtF2SI: {
  double d = as_double(static_cast<Type>(I.aux), A);
  int64_t r = (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) ? INT64_MIN : static_cast<int64_t>(d);
  v[I.dst] = static_cast<uint64_t>(r) & M;
  NEXT;
}

L_Vec: L_VecToInt: L_VecFlags: L_IntToVec: {
  const VecOpInfo& vi = vec_info(static_cast<unsigned>(I.aux) | static_cast<unsigned>(I.aux2) << 8);
  uint32_t host_mxcsr = 0;
  if (vi.fp) {
    GUARD;  // under the guest's MXCSR an unmasked exception is a SIGFPE here (the kernel's
            // signal frame then gives retrace the default MXCSR back)
    host_mxcsr = _mm_getcsr();
    _mm_setcsr(static_cast<uint32_t>(v[kSlotMxcsr]));
  }
  const uint8_t imm8 = static_cast<uint8_t>(I.imm);
  const V128 bv = {B, v[I.b + 1]};
  switch (I.op) {
    case Op::Vec: {
      V128 r = vi.v(V128{A, v[I.a + 1]}, bv, imm8);
      v[I.dst] = r.lo; v[I.dst + 1] = r.hi;
      break;
    }
    case Op::VecToInt: v[I.dst] = vi.i(V128{A, v[I.a + 1]}, bv, imm8) & M; break;
    case Op::VecFlags: set_eager(v, vi.i(V128{A, v[I.a + 1]}, bv, imm8)); break;
    default: {
      V128 r = vi.x(A, bv, imm8);
      v[I.dst] = r.lo; v[I.dst + 1] = r.hi;
      break;
    }
  }
  if (vi.fp) {
    v[kSlotMxcsr] = _mm_getcsr();
    _mm_setcsr(host_mxcsr);
  }
  NEXT;
}
L_X87: {
  GUARD;
  const X87OpInfo& xi = kX87Ops[static_cast<unsigned>(I.aux) | static_cast<unsigned>(I.aux2) << 8];
  st.trap_signal = 0;
  uint64_t r = xi.fn(st, A, B, I.imm);
  if (st.trap_signal) goto trap_here;
  v[I.dst] = r;
  NEXT;
}

L_ExitJmp: fc.inst = nullptr; return {ExitKind::Jump, 0, true, I.imm};
L_ExitIf:
  if (A & 1) { fc.inst = nullptr; return {ExitKind::Branch, static_cast<uint8_t>(ExitHint::Side), true, I.imm}; }
  NEXT;
L_ExitBr: { fc.inst = nullptr; bool t = A & 1; return {ExitKind::Branch, 0, t, t ? I.imm : I.imm2}; }
L_ExitInd: fc.inst = nullptr; return {ExitKind::Indirect, I.aux, true, A};
L_ExitCall: fc.inst = nullptr; return {ExitKind::Call, static_cast<uint8_t>(ExitHint::Call), true, I.imm};
L_ExitSyscall: fc.inst = nullptr; return {ExitKind::Syscall, 0, true, I.imm};
L_ExitTrap:
  fc.inst = nullptr;
  st.trap_signal = I.aux; st.trap_code = I.aux2; st.trap_addr = I.imm2;  // (aux2: si_code, 0 for the default)
  return {ExitKind::Trap, 0, false, I.imm};
L_ExitHlt: fc.inst = nullptr; return {ExitKind::Halt, 0, true, I.imm};

div_fault:
  st.trap_signal = SIGFPE; st.trap_code = 1 /* FPE_INTDIV */;
  st.trap_addr = blk.pc_of_inst(static_cast<size_t>(ip - base));
trap_here:
  fc.inst = nullptr;
  return {ExitKind::Trap, 0, false, blk.pc_of_inst(static_cast<size_t>(ip - base))};

#undef NEXT
#undef I
#undef A
#undef B
#undef C
#undef M
#undef W
#undef GUARD
}

}  // namespace retrace::ir
