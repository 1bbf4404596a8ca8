// The interpreter tier, op family by op family, with the host CPU as the flags oracle
// where x86 defines the result.
#include <gtest/gtest.h>

#include <csignal>
#include <cstring>
#include <vector>

#include "ir/flags.h"
#include "tests/unit/unit_util.h"

namespace retrace::ir {
namespace {

using test::TestBlock;

constexpr Type kWidths[] = {Type::I8, Type::I16, Type::I32, Type::I64};
constexpr uint64_t kStatus = rflags::kStatus;

// Runs a block that computes one value into %rax from rcx/rdx inputs.
struct Runner {
  std::unique_ptr<MachineState> st = test::new_state();
  Exit exit{};
  uint64_t operator()(TestBlock& t) {
    EXPECT_EQ(verify(*t), "") << print(*t);
    exit = interpret(*t, *st);
    return st->slot[0];
  }
  uint64_t flags() const {
    return compute_flags(st->slot[kSlotCcOp], st->slot[kSlotCcDst], st->slot[kSlotCcSrc1], st->slot[kSlotCcSrc2]);
  }
};

uint64_t unop(Op op, Type t, uint64_t a, uint8_t aux = 0) {
  TestBlock tb;
  Slot r = tb.b.emit(op, t, 1, kNoSlot, kNoSlot, 0, aux);
  tb.b.emit_to(0, Op::Mov, Type::I64, r);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[1] = a;
  return run(tb);
}

uint64_t binop(Op op, Type t, uint64_t a, uint64_t b, MachineState* flags_out = nullptr) {
  TestBlock tb;
  Slot r = tb.b.emit(op, t, 1, 2);
  tb.b.emit_to(0, Op::Mov, Type::I64, r);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[1] = a;
  run.st->slot[2] = b;
  uint64_t v = run(tb);
  if (flags_out) memcpy(flags_out->slot, run.st->slot, sizeof(uint64_t) * kFirstTemp);
  return v;
}

// ---- the host as oracle ------------------------------------------------------------------
// The asm steps below the red zone before pushfq so it cannot clobber compiler data.

template <typename T>
uint64_t host_arith(char op, uint64_t a64, uint64_t b64, uint64_t* result) {
  T a = static_cast<T>(a64), b = static_cast<T>(b64);
  uint64_t f;
  if (op == '+')
    asm volatile("lea -128(%%rsp), %%rsp\n\tadd %2, %1\n\tpushfq\n\tpopq %0\n\tlea 128(%%rsp), %%rsp"
                 : "=r"(f), "+q"(a) : "q"(b) : "cc");
  else
    asm volatile("lea -128(%%rsp), %%rsp\n\tsub %2, %1\n\tpushfq\n\tpopq %0\n\tlea 128(%%rsp), %%rsp"
                 : "=r"(f), "+q"(a) : "q"(b) : "cc");
  *result = static_cast<uint64_t>(a);
  return f & kStatus;
}

uint64_t host_arith(Type t, char op, uint64_t a, uint64_t b, uint64_t* r) {
  switch (t) {
    case Type::I8: return host_arith<uint8_t>(op, a, b, r);
    case Type::I16: return host_arith<uint16_t>(op, a, b, r);
    case Type::I32: return host_arith<uint32_t>(op, a, b, r);
    default: return host_arith<uint64_t>(op, a, b, r);
  }
}

// op: 0 shl, 1 shr, 2 sar, 3 rol, 4 ror, 5 rcl, 6 rcr. cf_in seeds CF (rcl/rcr).
template <typename T>
uint64_t host_shift(int op, uint64_t a64, unsigned count, bool cf_in, uint64_t* result) {
  T a = static_cast<T>(a64);
  uint8_t c = static_cast<uint8_t>(count);
  uint64_t f, fin = cf_in ? 1 : 0;
#define HOST_SHIFT(insn)                                                                            \
  asm volatile("lea -128(%%rsp), %%rsp\n\tpushq %3\n\tpopfq\n\t" insn " %%cl, %1\n\tpushfq\n\tpopq %0\n\t" \
               "lea 128(%%rsp), %%rsp"                                                              \
               : "=r"(f), "+q"(a) : "c"(c), "r"(fin) : "cc")
  switch (op) {
    case 0: HOST_SHIFT("shl"); break;
    case 1: HOST_SHIFT("shr"); break;
    case 2: HOST_SHIFT("sar"); break;
    case 3: HOST_SHIFT("rol"); break;
    case 4: HOST_SHIFT("ror"); break;
    case 5: HOST_SHIFT("rcl"); break;
    default: HOST_SHIFT("rcr"); break;
  }
#undef HOST_SHIFT
  *result = static_cast<uint64_t>(a);
  return f & kStatus;
}

uint64_t host_shift(Type t, int op, uint64_t a, unsigned count, bool cf_in, uint64_t* r) {
  switch (t) {
    case Type::I8: return host_shift<uint8_t>(op, a, count, cf_in, r);
    case Type::I16: return host_shift<uint16_t>(op, a, count, cf_in, r);
    case Type::I32: return host_shift<uint32_t>(op, a, count, cf_in, r);
    default: return host_shift<uint64_t>(op, a, count, cf_in, r);
  }
}

// Condition codes straight from the SDM's jcc table (independent of flags.cpp).
bool expected_cond(unsigned cc, uint64_t f) {
  const bool cf = f & rflags::CF, zf = f & rflags::ZF, sf = f & rflags::SF, of = f & rflags::OF,
             pf = f & rflags::PF;
  const bool table[16] = {of, !of, cf, !cf, zf, !zf, cf || zf, !cf && !zf,
                          sf, !sf, pf, !pf, sf != of, sf == of, zf || sf != of, !zf && sf == of};
  return table[cc];
}

std::vector<uint64_t> edge_values(Type t) {
  const uint64_t m = type_mask(t), top = 1ull << (type_bits(t) - 1);
  return {0, 1, 2, top - 1, top, top + 1, m - 1, m, 0x5555555555555555ull & m, 0x80ull, 0xffull & m};
}

// ---- arithmetic ----------------------------------------------------------------------------

TEST(Interp, AddSubMaskToWidth) {
  EXPECT_EQ(binop(Op::Add, Type::I64, ~0ull, 2), 1u);
  EXPECT_EQ(binop(Op::Add, Type::I32, 0xffffffffull, 2), 1u);
  EXPECT_EQ(binop(Op::Add, Type::I8, 0x1ff, 0x01), 0u);           // reads at width, result zero-extended
  EXPECT_EQ(binop(Op::Sub, Type::I16, 0, 1), 0xffffu);
  EXPECT_EQ(binop(Op::Sub, Type::I64, 5, 7), static_cast<uint64_t>(-2));
}

TEST(Interp, MulAndHighHalves) {
  EXPECT_EQ(binop(Op::Mul, Type::I64, 0x100000001ull, 0x100000001ull), 0x200000001ull);
  EXPECT_EQ(binop(Op::Mul, Type::I32, 0x10000, 0x10001), 0x10000u);
  EXPECT_EQ(binop(Op::MulHiU, Type::I64, 1ull << 63, 4), 2u);
  EXPECT_EQ(binop(Op::MulHiU, Type::I32, 0xffffffff, 0xffffffff), 0xfffffffeu);
  EXPECT_EQ(binop(Op::MulHiS, Type::I64, ~0ull, 1), ~0ull);       // -1 * 1: high half all ones
  EXPECT_EQ(binop(Op::MulHiS, Type::I32, static_cast<uint32_t>(-2), 3), 0xffffffffu);
  EXPECT_EQ(binop(Op::MulHiS, Type::I16, 0x7fff, 0x7fff), 0x3fffu);
  EXPECT_EQ(binop(Op::MulHiU, Type::I8, 0xff, 0xff), 0xfeu);
}

struct DivResult {
  Exit exit;
  uint64_t q, r;
  int signal;
  uint64_t trap_addr;
};
DivResult divide(Op op, Type t, uint64_t hi, uint64_t lo, uint64_t d) {
  TestBlock tb;
  tb->pc = 0x5000;
  tb.b.mark(0x5000);
  tb.b.konst(Type::I64, 0);
  tb.b.mark(0x5004);
  Slot q = tb.b.emit(op, t, 2, 0, 1);
  tb.b.emit_to(0, Op::Mov, Type::I64, q);
  tb.b.emit_to(2, Op::Mov, Type::I64, static_cast<Slot>(q + 1));
  tb.exit_jmp(0x6000);
  Runner run;
  run.st->slot[2] = hi;
  run.st->slot[0] = lo;
  run.st->slot[1] = d;
  run(tb);
  return {run.exit, run.st->slot[0], run.st->slot[2], run.st->trap_signal, run.st->trap_addr};
}

TEST(Interp, DivideUnsignedAndSigned) {
  DivResult r = divide(Op::DivU, Type::I64, 0, 100, 7);
  EXPECT_EQ(r.exit.kind, ExitKind::Jump);
  EXPECT_EQ(r.q, 14u);
  EXPECT_EQ(r.r, 2u);
  r = divide(Op::DivU, Type::I64, 1, 0, 2);  // 2^64 / 2
  EXPECT_EQ(r.q, 1ull << 63);
  EXPECT_EQ(r.r, 0u);
  r = divide(Op::DivS, Type::I32, 0xffffffff, static_cast<uint32_t>(-7), 2);
  EXPECT_EQ(r.q, static_cast<uint32_t>(-3));
  EXPECT_EQ(r.r, static_cast<uint32_t>(-1));
  r = divide(Op::DivS, Type::I64, ~0ull, static_cast<uint64_t>(-100), static_cast<uint64_t>(-7));
  EXPECT_EQ(r.q, 14u);
  EXPECT_EQ(r.r, static_cast<uint64_t>(-2));
  r = divide(Op::DivU, Type::I8, 0x01, 0x00, 0x10);  // ax = 0x100 / 0x10
  EXPECT_EQ(r.q, 0x10u);
}

TEST(Interp, DivideFaultsRaiseSigfpeAtTheGuestInstruction) {
  for (auto [op, t, hi, lo, d] : std::vector<std::tuple<Op, Type, uint64_t, uint64_t, uint64_t>>{
           {Op::DivU, Type::I64, 0, 1, 0},                       // divide by zero
           {Op::DivU, Type::I32, 5, 0, 5},                       // quotient overflow
           {Op::DivS, Type::I64, ~0ull, 1ull << 63, ~0ull},      // INT64_MIN / -1
           {Op::DivS, Type::I8, 0xff, 0x80, 0xff}}) {            // -128 / -1
    DivResult r = divide(op, t, hi, lo, d);
    EXPECT_EQ(r.exit.kind, ExitKind::Trap);
    EXPECT_EQ(r.signal, SIGFPE);
    EXPECT_EQ(r.exit.next, 0x5004u);
    EXPECT_EQ(r.trap_addr, 0x5004u);
    EXPECT_EQ(r.q, lo) << "registers untouched by the faulting divide";
  }
}

TEST(Interp, LogicAndUnary) {
  EXPECT_EQ(binop(Op::And, Type::I32, ~0ull, 0xf0f0f0f0f0ull), 0xf0f0f0f0u);
  EXPECT_EQ(binop(Op::Or, Type::I8, 0x0f, 0x1f0), 0xffu);
  EXPECT_EQ(binop(Op::Xor, Type::I64, 0xff, 0x0f), 0xf0u);
  EXPECT_EQ(unop(Op::Not, Type::I16, 0x00ff), 0xff00u);
  EXPECT_EQ(unop(Op::Neg, Type::I32, 1), 0xffffffffu);
  EXPECT_EQ(unop(Op::Bswap, Type::I32, 0x11223344), 0x44332211u);
  EXPECT_EQ(unop(Op::Bswap, Type::I64, 0x1122334455667788ull), 0x8877665544332211ull);
  EXPECT_EQ(unop(Op::Popcnt, Type::I16, 0xf00ff), 8u);
  EXPECT_EQ(unop(Op::Lzcnt, Type::I32, 1), 31u);
  EXPECT_EQ(unop(Op::Lzcnt, Type::I16, 0), 16u);
  EXPECT_EQ(unop(Op::Tzcnt, Type::I64, 0x100), 8u);
  EXPECT_EQ(unop(Op::Tzcnt, Type::I32, 0), 32u);
  EXPECT_EQ(unop(Op::Zext, Type::I64, 0xffffff80, static_cast<uint8_t>(Type::I8)), 0x80u);
  EXPECT_EQ(unop(Op::Sext, Type::I64, 0x80, static_cast<uint8_t>(Type::I8)), 0xffffffffffffff80ull);
  EXPECT_EQ(unop(Op::Sext, Type::I32, 0x8000, static_cast<uint8_t>(Type::I16)), 0xffff8000u);
  EXPECT_EQ(binop(Op::Pdep, Type::I64, 0b101, 0b11010), 0b10010u);
  EXPECT_EQ(binop(Op::Pext, Type::I64, 0b10010, 0b11010), 0b101u);
  EXPECT_EQ(binop(Op::Bzhi, Type::I32, 0xffffffff, 4), 0xfu);
  EXPECT_EQ(binop(Op::Bextr, Type::I64, 0xabcd, 0x0804), 0xbcu);
}

TEST(Interp, Compares) {
  EXPECT_EQ(binop(Op::CmpEq, Type::I8, 0x1ff, 0xff), 1u);
  EXPECT_EQ(binop(Op::CmpNe, Type::I64, 1, 2), 1u);
  EXPECT_EQ(binop(Op::CmpLtU, Type::I32, 1, 0xffffffff), 1u);
  EXPECT_EQ(binop(Op::CmpLtS, Type::I32, 1, 0xffffffff), 0u);
  EXPECT_EQ(binop(Op::CmpLeS, Type::I16, 0x8000, 0x7fff), 1u);
  EXPECT_EQ(binop(Op::CmpLeU, Type::I16, 0x8000, 0x7fff), 0u);
}

TEST(Interp, ShiftsMaskTheirCountLikeX86) {
  EXPECT_EQ(binop(Op::Shl, Type::I64, 1, 65), 2u);                // count & 63
  EXPECT_EQ(binop(Op::Shl, Type::I32, 1, 33), 2u);                // count & 31
  EXPECT_EQ(binop(Op::Shl, Type::I8, 0x81, 9), 0u);               // 8-bit: count 9 shifts all out
  EXPECT_EQ(binop(Op::Shr, Type::I8, 0x80, 9), 0u);
  EXPECT_EQ(binop(Op::Sar, Type::I8, 0x80, 9), 0xffu);
  EXPECT_EQ(binop(Op::Sar, Type::I8, 0x80, 31), 0xffu);
  EXPECT_EQ(binop(Op::Shl, Type::I16, 0x8001, 16), 0u);
  EXPECT_EQ(binop(Op::Sar, Type::I32, 0x80000000, 4), 0xf8000000u);
  EXPECT_EQ(binop(Op::Shr, Type::I64, 1ull << 63, 63), 1u);
  EXPECT_EQ(binop(Op::Rol, Type::I8, 0x81, 1), 0x03u);
  EXPECT_EQ(binop(Op::Rol, Type::I8, 0x81, 9), 0x03u);            // 9 % 8
  EXPECT_EQ(binop(Op::Ror, Type::I16, 0x0001, 4), 0x1000u);
  EXPECT_EQ(binop(Op::Ror, Type::I64, 1, 64), 1u);
}

// Shifts with flags, value and defined flags against the host for every width and count.
TEST(Interp, FlagShiftsMatchHost) {
  const Op ops[] = {Op::ShlF, Op::ShrF, Op::SarF};
  for (Type t : kWidths) {
    const unsigned w = type_bits(t);
    for (int k = 0; k < 3; ++k) {
      for (uint64_t a : edge_values(t)) {
        for (unsigned count : {1u, 2u, w - 1, w == 64 ? 63u : w + 1u, 31u}) {
          uint64_t hr;
          uint64_t hf = host_shift(t, k, a, count, false, &hr);
          MachineState out;
          uint64_t r = binop(ops[k], t, a, count, &out);
          SCOPED_TRACE(testing::Message() << info(ops[k]).name << "." << type_name(t) << " " << std::hex << a
                                          << " by " << std::dec << count);
          EXPECT_EQ(r, hr);
          uint64_t f = compute_flags(out.slot[kSlotCcOp], out.slot[kSlotCcDst], out.slot[kSlotCcSrc1],
                                     out.slot[kSlotCcSrc2]);
          unsigned eff = count & (w == 64 ? 63 : 31);
          uint64_t defined = rflags::ZF | rflags::SF | rflags::PF;
          if (eff < w || k == 2) defined |= rflags::CF;   // CF undefined when all bits shift out
          if (eff == 1) defined |= rflags::OF;
          EXPECT_EQ(f & defined, hf & defined);
        }
      }
    }
  }
}

TEST(Interp, ShiftByZeroLeavesFlags) {
  TestBlock tb;
  tb.b.emit(Op::SubF, Type::I32, 1, 1);          // ZF=1
  Slot r = tb.b.emit(Op::ShlF, Type::I32, 2, 3); // count 32 & 31 == 0
  tb.b.emit_to(0, Op::Mov, Type::I64, r);
  Slot z = tb.b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Cc::E));
  tb.b.emit_to(5, Op::Mov, Type::I64, z);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[2] = 0x1234;
  run.st->slot[3] = 32;
  EXPECT_EQ(run(tb), 0x1234u);
  EXPECT_EQ(run.st->slot[5], 1u);
}

TEST(Interp, RotatesWithFlagsMatchHost) {
  const Op ops[] = {Op::RolF, Op::RorF, Op::RclF, Op::RcrF};
  for (Type t : kWidths) {
    const unsigned w = type_bits(t);
    for (int k = 0; k < 4; ++k) {
      for (bool cf : {false, true}) {
        for (uint64_t a : edge_values(t)) {
          for (unsigned count : {1u, 3u, w - 1, w == 8 ? 9u : w == 16 ? 17u : 5u}) {
            uint64_t hr;
            uint64_t hf = host_shift(t, 3 + k, a, count, cf, &hr);
            TestBlock tb;
            // Seed the flags eagerly from %rsi: ZF=1 and the CF under test.
            tb.b.emit(Op::SetCC, Type::Void, 6, kSlotZero, kSlotZero, 0,
                      static_cast<uint8_t>(cc_op(CcKind::Eager, Type::I64)));
            Slot r = tb.b.emit(ops[k], t, 1, 2);
            tb.b.emit_to(0, Op::Mov, Type::I64, r);
            tb.exit_jmp(0);
            Runner run;
            run.st->slot[1] = a;
            run.st->slot[2] = count;
            run.st->slot[6] = rflags::ZF | (cf ? rflags::CF : 0);
            uint64_t v = run(tb);
            SCOPED_TRACE(testing::Message() << info(ops[k]).name << "." << type_name(t) << " " << std::hex << a
                                            << " by " << std::dec << count << " cf=" << cf);
            EXPECT_EQ(v, hr);
            uint64_t f = run.flags();
            EXPECT_EQ(f & rflags::CF, hf & rflags::CF);
            if (count == 1) {
              EXPECT_EQ(f & rflags::OF, hf & rflags::OF);
            }
            EXPECT_TRUE(f & rflags::ZF) << "rotates keep ZF";
          }
        }
      }
    }
  }
}

// ---- lazy flags -----------------------------------------------------------------------------

// For every width and pair of edge values: AddF/SubF's flags (GetFlags image and every
// Cond) against the host's add/sub.
TEST(Interp, LazyFlagsAfterAddAndSubMatchHostForEveryCondition) {
  for (Type t : kWidths) {
    for (Op op : {Op::AddF, Op::SubF}) {
      for (uint64_t a : edge_values(t)) {
        for (uint64_t b : edge_values(t)) {
          uint64_t hr;
          uint64_t hf = host_arith(t, op == Op::AddF ? '+' : '-', a, b, &hr);
          TestBlock tb;
          Slot r = tb.b.emit(op, t, 1, 2);
          tb.b.emit_to(0, Op::Mov, Type::I64, r);
          Slot img = tb.b.emit(Op::GetFlags, Type::I64);
          tb.b.emit_to(3, Op::Mov, Type::I64, img);
          for (unsigned cc = 0; cc < 16; ++cc) {
            Slot c = tb.b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(cc));
            tb.b.emit_to(static_cast<Slot>(8 + (cc & 7)), cc < 8 ? Op::Mov : Op::Merge8H, Type::I64,
                         cc < 8 ? c : static_cast<Slot>(8 + (cc & 7)), cc < 8 ? kNoSlot : c);
          }
          Slot cf = tb.b.emit(Op::GetCF, Type::I1);
          tb.b.emit_to(4, Op::Mov, Type::I64, cf);
          tb.exit_jmp(0);
          Runner run;
          run.st->slot[1] = a;
          run.st->slot[2] = b;
          EXPECT_EQ(run(tb), hr);
          SCOPED_TRACE(testing::Message() << info(op).name << "." << type_name(t) << " " << std::hex << a << ", " << b);
          EXPECT_EQ(run.st->slot[3], hf | rflags::kFixed | rflags::IF) << "GetFlags image";
          EXPECT_EQ(run.st->slot[4], (hf & rflags::CF) ? 1u : 0u) << "GetCF";
          for (unsigned cc = 0; cc < 16; ++cc) {
            uint64_t slot = run.st->slot[8 + (cc & 7)];
            bool got = cc < 8 ? (slot & 1) : ((slot >> 8) & 1);
            EXPECT_EQ(got, expected_cond(cc, hf)) << "cc " << cc;
          }
        }
      }
    }
  }
}

TEST(Interp, LogicIncDecNegFlags) {
  // and: CF=OF=0, ZF/SF/PF from the result.
  MachineState out;
  binop(Op::AndF, Type::I8, 0x80, 0xff, &out);
  uint64_t f = compute_flags(out.slot[kSlotCcOp], out.slot[kSlotCcDst], 0, 0);
  EXPECT_EQ(f, rflags::SF);
  // inc keeps CF: set CF with an add that carries, then inc 0x7f -> 0x80 (OF, SF).
  TestBlock tb;
  tb.b.emit(Op::AddF, Type::I64, 1, 1);  // rcx = 2^63: carries out
  Slot r = tb.b.emit(Op::IncF, Type::I8, 2);
  tb.b.emit_to(0, Op::Mov, Type::I64, r);
  Slot img = tb.b.emit(Op::GetFlags, Type::I64);
  tb.b.emit_to(3, Op::Mov, Type::I64, img);
  Slot n = tb.b.emit(Op::NegF, Type::I32, kSlotZero);
  tb.b.emit_to(4, Op::Mov, Type::I64, n);
  Slot cf = tb.b.emit(Op::GetCF, Type::I1);
  tb.b.emit_to(5, Op::Mov, Type::I64, cf);
  Slot d = tb.b.emit(Op::DecF, Type::I16, kSlotZero);
  tb.b.emit_to(6, Op::Mov, Type::I64, d);
  Slot img2 = tb.b.emit(Op::GetFlags, Type::I64);
  tb.b.emit_to(7, Op::Mov, Type::I64, img2);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[1] = 1ull << 63;
  run.st->slot[2] = 0x7f;
  EXPECT_EQ(run(tb), 0x80u);
  EXPECT_EQ(run.st->slot[3] & kStatus, rflags::CF | rflags::OF | rflags::SF | rflags::AF);
  EXPECT_EQ(run.st->slot[4], 0u);
  EXPECT_EQ(run.st->slot[5], 0u) << "neg 0 clears CF";
  EXPECT_EQ(run.st->slot[6], 0xffffu);
  // dec 0 -> 0xffff: SF, AF, PF; CF kept from neg (0).
  EXPECT_EQ(run.st->slot[7] & kStatus, rflags::SF | rflags::AF | rflags::PF);
}

TEST(Interp, SetFlagsAndGetFlagsRoundTrip) {
  TestBlock tb;
  tb.b.emit(Op::SetFlags, Type::Void, 1);
  Slot img = tb.b.emit(Op::GetFlags, Type::I64);
  tb.b.emit_to(0, Op::Mov, Type::I64, img);
  Slot c = tb.b.emit(Op::Cond, Type::I1, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(Cc::LE));
  tb.b.emit_to(2, Op::Mov, Type::I64, c);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[1] = rflags::CF | rflags::OF | rflags::DF | rflags::TF;
  uint64_t v = run(tb);
  EXPECT_EQ(v, rflags::CF | rflags::OF | rflags::DF | rflags::IF | rflags::kFixed) << "TF is not kept";
  EXPECT_EQ(run.st->slot[kSlotCtlFlags] & rflags::DF, rflags::DF);
  EXPECT_EQ(run.st->slot[2], 1u) << "SF != OF";
}

// ---- partial registers, select -----------------------------------------------------------

TEST(Interp, PartialRegisterMerges) {
  const uint64_t rax = 0x1122334455667788ull;
  EXPECT_EQ(binop(Op::Merge8L, Type::I64, rax, 0xaabb), 0x11223344556677bbull);
  EXPECT_EQ(binop(Op::Merge8H, Type::I64, rax, 0xaabb), 0x112233445566bb88ull);
  EXPECT_EQ(binop(Op::Merge16, Type::I64, rax, 0xaabbcc), 0x112233445566bbccull);
  EXPECT_EQ(unop(Op::Extract8H, Type::I8, rax), 0x77u);
}

TEST(Interp, Select) {
  for (uint64_t c : {0ull, 1ull, 2ull, 3ull}) {
    TestBlock tb;
    Slot r = tb.b.emit(Op::Select, Type::I32, 1, 2, 3);
    tb.b.emit_to(0, Op::Mov, Type::I64, r);
    tb.exit_jmp(0);
    Runner run;
    run.st->slot[1] = 0x100000001ull;
    run.st->slot[2] = 0x200000002ull;
    run.st->slot[3] = c;
    EXPECT_EQ(run(tb), (c & 1) ? 1u : 2u) << "c=" << c;
  }
}

// ---- memory ---------------------------------------------------------------------------------

TEST(Interp, AddrLoadStoreAgainstALocalBuffer) {
  alignas(16) uint8_t buf[64] = {};
  for (int i = 0; i < 64; ++i) buf[i] = static_cast<uint8_t>(i);
  TestBlock tb;
  Slot a = tb.b.emit(Op::Addr, Type::I64, 3, 1, kNoSlot, 8, 2);     // rbx + rcx*4 + 8
  tb.b.emit_to(0, Op::Mov, Type::I64, a);
  Slot v32 = tb.b.emit(Op::Load, Type::I32, a);
  tb.b.emit_to(2, Op::Mov, Type::I64, v32);
  Slot v8 = tb.b.emit(Op::Load, Type::I8, 3, kNoSlot, kNoSlot, 63);  // displacement in imm
  tb.b.emit_to(5, Op::Mov, Type::I64, v8);
  tb.b.emit(Op::Store, Type::I16, a, 6, kNoSlot, 2);
  tb.b.emit(Op::Store, Type::I64, 3, 7, kNoSlot, 40);
  Slot a32 = tb.b.emit(Op::Addr, Type::I32, 8, 9, kNoSlot, 0x10, 3);  // 32-bit address wraps
  tb.b.emit_to(10, Op::Mov, Type::I64, a32);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[3] = reinterpret_cast<uint64_t>(buf);
  run.st->slot[1] = 3;
  run.st->slot[6] = 0xbeefcafe;
  run.st->slot[7] = 0x0102030405060708ull;
  run.st->slot[8] = 0xfffffff0;
  run.st->slot[9] = 1;
  EXPECT_EQ(run(tb), reinterpret_cast<uint64_t>(buf) + 20);
  EXPECT_EQ(run.st->slot[2], 0x17161514u);
  EXPECT_EQ(run.st->slot[5], 63u);
  EXPECT_EQ(buf[22], 0xfe);
  EXPECT_EQ(buf[23], 0xca);
  EXPECT_EQ(buf[24], 24) << "16-bit store writes two bytes";
  uint64_t q;
  memcpy(&q, buf + 40, 8);
  EXPECT_EQ(q, 0x0102030405060708ull);
  EXPECT_EQ(run.st->slot[10], 0x8u);
}

TEST(Interp, AtomicsAndCompareExchange) {
  alignas(16) uint64_t cell = 10;
  TestBlock tb;
  Slot old = tb.b.emit(Op::AtomicRMW, Type::I64, 3, 1, kNoSlot, 0, static_cast<uint8_t>(AtomicOp::Add));
  tb.b.emit_to(0, Op::Mov, Type::I64, old);
  Slot seen = tb.b.emit(Op::CmpXchg, Type::I32, 3, 2, 6);  // expects 15, stores 99
  tb.b.emit_to(7, Op::Mov, Type::I64, seen);
  tb.exit_jmp(0);
  Runner run;
  run.st->slot[3] = reinterpret_cast<uint64_t>(&cell);
  run.st->slot[1] = 5;
  run.st->slot[2] = 15;
  run.st->slot[6] = 99;
  EXPECT_EQ(run(tb), 10u);
  EXPECT_EQ(run.st->slot[7], 15u);
  EXPECT_EQ(cell, 99u);
}

Exit run_string(StringOp op, Type t, unsigned rep, MachineState& st) {
  TestBlock tb;
  tb.b.emit(Op::String, t, kNoSlot, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(static_cast<unsigned>(op) | rep << 4));
  tb.exit_jmp(0x99);
  EXPECT_EQ(verify(*tb), "");
  return interpret(*tb, st);
}

TEST(Interp, RepMovsbCopiesAndAdvances) {
  uint8_t src[32], dst[32] = {};
  for (int i = 0; i < 32; ++i) src[i] = static_cast<uint8_t>(0xa0 + i);
  auto st = test::new_state();
  st->slot[6] = reinterpret_cast<uint64_t>(src);
  st->slot[7] = reinterpret_cast<uint64_t>(dst);
  st->slot[1] = 20;
  Exit e = run_string(StringOp::Movs, Type::I8, 1, *st);
  EXPECT_EQ(e.kind, ExitKind::Jump);
  EXPECT_EQ(e.next, 0x99u);
  EXPECT_EQ(memcmp(src, dst, 20), 0);
  EXPECT_EQ(dst[20], 0);
  EXPECT_EQ(st->slot[1], 0u);
  EXPECT_EQ(st->slot[6], reinterpret_cast<uint64_t>(src) + 20);
  EXPECT_EQ(st->slot[7], reinterpret_cast<uint64_t>(dst) + 20);
}

TEST(Interp, MovsOverlappingForwardCopyPropagatesLikeHardware) {
  uint8_t buf[16] = {1, 2, 3, 4, 5, 6, 7, 8};
  auto st = test::new_state();
  st->slot[6] = reinterpret_cast<uint64_t>(buf);
  st->slot[7] = reinterpret_cast<uint64_t>(buf + 1);
  st->slot[1] = 5;
  run_string(StringOp::Movs, Type::I8, 1, *st);
  const uint8_t want[8] = {1, 1, 1, 1, 1, 1, 7, 8};  // byte-by-byte forward copy
  EXPECT_EQ(memcmp(buf, want, 8), 0);
}

TEST(Interp, MovsdBackwardWithDirectionFlag) {
  uint32_t src[4] = {1, 2, 3, 4}, dst[4] = {};
  auto st = test::new_state();
  st->slot[kSlotCtlFlags] |= rflags::DF;
  st->slot[6] = reinterpret_cast<uint64_t>(&src[3]);
  st->slot[7] = reinterpret_cast<uint64_t>(&dst[3]);
  st->slot[1] = 3;
  run_string(StringOp::Movs, Type::I32, 1, *st);
  EXPECT_EQ(dst[0], 0u);
  EXPECT_EQ(dst[1], 2u);
  EXPECT_EQ(dst[3], 4u);
  EXPECT_EQ(st->slot[7], reinterpret_cast<uint64_t>(&dst[0]));
}

TEST(Interp, StosWithAndWithoutRep) {
  uint16_t buf[8] = {};
  auto st = test::new_state();
  st->slot[0] = 0x1234abcd;
  st->slot[7] = reinterpret_cast<uint64_t>(buf);
  st->slot[1] = 5;
  run_string(StringOp::Stos, Type::I16, 1, *st);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(buf[i], 0xabcd);
  EXPECT_EQ(buf[5], 0);
  EXPECT_EQ(st->slot[1], 0u);
  // rep with rcx == 0 does nothing; no rep stores exactly one element and keeps rcx.
  run_string(StringOp::Stos, Type::I16, 1, *st);
  EXPECT_EQ(buf[5], 0);
  st->slot[1] = 7;
  run_string(StringOp::Stos, Type::I8, 0, *st);
  EXPECT_EQ(buf[5], 0x00cd);
  EXPECT_EQ(st->slot[1], 7u);
  EXPECT_EQ(st->slot[7], reinterpret_cast<uint64_t>(buf) + 11);
}

TEST(Interp, RepeScasbStopsOnMismatch) {
  const char s[] = "aaab";
  auto st = test::new_state();
  st->slot[0] = 'a';
  st->slot[7] = reinterpret_cast<uint64_t>(s);
  st->slot[1] = 10;
  run_string(StringOp::Scas, Type::I8, 1, *st);
  EXPECT_EQ(st->slot[7], reinterpret_cast<uint64_t>(s) + 4);
  EXPECT_EQ(st->slot[1], 6u);
  EXPECT_FALSE(eval_cond(static_cast<unsigned>(Cc::E), st->slot[kSlotCcOp], st->slot[kSlotCcDst],
                         st->slot[kSlotCcSrc1], st->slot[kSlotCcSrc2]));
}

// ---- exits ----------------------------------------------------------------------------------

TEST(Interp, Exits) {
  auto st = test::new_state();
  {
    TestBlock tb;
    tb.exit_jmp(0x1234);
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Jump);
    EXPECT_EQ(e.next, 0x1234u);
  }
  for (uint64_t c : {0ull, 1ull}) {
    TestBlock tb;
    tb.b.emit(Op::ExitBr, Type::Void, 1, kNoSlot, kNoSlot, 0xaaaa, 0, 0xbbbb);
    st->slot[1] = c;
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Branch);
    EXPECT_EQ(e.taken, c == 1);
    EXPECT_EQ(e.next, c ? 0xaaaau : 0xbbbbu);
  }
  {
    TestBlock tb;
    tb.b.emit(Op::ExitInd, Type::Void, 2, kNoSlot, kNoSlot, 0, static_cast<uint8_t>(ExitHint::Ret));
    st->slot[2] = 0x401000;
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Indirect);
    EXPECT_EQ(e.hint, static_cast<uint8_t>(ExitHint::Ret));
    EXPECT_EQ(e.next, 0x401000u);
  }
  {
    TestBlock tb;
    tb.b.emit(Op::ExitCall, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x2000, 0, 0x1005);
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Call);
    EXPECT_EQ(e.next, 0x2000u);
  }
  {
    TestBlock tb;
    tb.b.emit(Op::ExitSyscall, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x3002);
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Syscall);
    EXPECT_EQ(e.next, 0x3002u);
  }
  {
    TestBlock tb;
    tb.b.emit(Op::ExitTrap, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x4000, SIGILL, 0x4000);
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Trap);
    EXPECT_EQ(e.next, 0x4000u);
    EXPECT_EQ(st->trap_signal, SIGILL);
    EXPECT_EQ(st->trap_addr, 0x4000u);
  }
  {
    TestBlock tb;
    tb.b.emit(Op::ExitHlt, Type::Void, kNoSlot, kNoSlot, kNoSlot, 0x7c01);
    Exit e = interpret(*tb, *st);
    EXPECT_EQ(e.kind, ExitKind::Halt);
    EXPECT_EQ(e.next, 0x7c01u);
  }
}

TEST(Interp, PortIoWithoutABusTraps) {
  TestBlock tb;
  tb->pc = 0x7c00;
  tb.b.emit(Op::PortIn, Type::I8, 2);
  tb.exit_jmp(0);
  auto st = test::new_state();
  Exit e = interpret(*tb, *st);
  EXPECT_EQ(e.kind, ExitKind::Trap);
  EXPECT_EQ(st->trap_signal, SIGSEGV);
}

TEST(Interp, PortIoGoesToTheBus) {
  struct Bus : PortIo {
    uint16_t last_port = 0;
    uint64_t last_value = 0;
    unsigned last_bytes = 0;
    uint64_t in(uint16_t port, unsigned bytes) override { return port == 0x60 ? 0x1c2c : 0; }
    void out(uint16_t port, unsigned bytes, uint64_t v) override { last_port = port; last_bytes = bytes; last_value = v; }
  } bus;
  TestBlock tb;
  Slot p = tb.b.konst(Type::I16, 0x60);
  Slot v = tb.b.emit(Op::PortIn, Type::I8, p);
  tb.b.emit_to(0, Op::Merge8L, Type::I64, 0, v);
  Slot q = tb.b.konst(Type::I16, 0x20);
  tb.b.emit(Op::PortOut, Type::I8, q, 0);
  tb.exit_jmp(0);
  auto st = test::new_state();
  st->ports = &bus;
  st->slot[0] = 0xff00;
  interpret(*tb, *st);
  EXPECT_EQ(st->slot[0], 0xff2cu);
  EXPECT_EQ(bus.last_port, 0x20);
  EXPECT_EQ(bus.last_bytes, 1u);
  EXPECT_EQ(bus.last_value, 0x2cu);
}

}  // namespace
}  // namespace retrace::ir
