// IR passes and the pass manager.
//
// Every pass is a pure function Block& -> bool (changed) that preserves the block's
// meaning under the IR rules of ir.h. "Meaning" is what a later observer can see:
//
//   - the values of the global slots 0..31 at the exit, and the exit itself;
//   - guest memory, ports and helpers, in program order;
//   - the whole slot frame at any instruction that can trap (a TR op, and PortIn/PortOut
//     and CallHelper, which can stop the block too): a guest signal handler sees the
//     registers and flags as they were *before* the trapping guest instruction;
//   - the lazy flags only as the RFLAGS status bits they stand for (compute_flags), not
//     their raw slot values: cc_op/cc_dst/cc_src1/cc_src2 are a private encoding that is
//     read only through RF ops (Cond, GetCF, GetFlags, adc, ...). AndF, for one, leaves
//     cc_src1/cc_src2 stale because the Logic kind ignores them. A block that names a
//     cc slot as an explicit operand or destination is left alone by deadflags.
//
// Temps (slots >= 32) are SSA and local to the block: they may be renamed, dropped or
// added (new ones from Block::next_temp).
//
//   pass        what it does                                        typical win
//   ---------   -------------------------------------------------   ---------------------
//   fold        pure op over constants -> Const; Select on a        `mov rax, 5`, address
//               constant condition -> Mov                          arithmetic on consts
//   coalesce    %t = OP ..; %gpr = mov %t  ->  %gpr = OP ..         1 IR inst per ALU insn
//   deadflags   flag writer overwritten before any flag reader ->   `add; sub; jcc`
//               its flag-free twin (AddF -> Add, IncF -> Add+Const)
//   dce         unused side-effect-free temps, to a fixed point     what the others leave
//
// Instructions are removed or inserted through rebuild(), which keeps Block::marks (the
// first IR instruction of each guest instruction) pointing at the right place.
#include "ir/passes.h"

#include <algorithm>

#include <optional>

namespace retrace::ir {

namespace {

using namespace prop;

inline bool is_cc_slot(Slot s) { return s >= kSlotCcOp && s <= kSlotCcSrc2; }

// Operand slots an instruction reads explicitly.
template <typename F>
inline void for_each_operand(const Inst& in, F f) {
  const unsigned n = info(in.op).nargs;
  if (n > 0) f(in.a);
  if (n > 1) f(in.b);
  if (n > 2) f(in.c);
}

// Slots an op's result occupies from dst on: two for R2 ops, twice that for v128 values.
inline unsigned result_slots(const Inst& in) {
  if (!has(in.op, R) || in.dst == kNoSlot) return 0;
  return (has(in.op, R2) ? 2u : 1u) * (in.type == Type::V128 ? 2u : 1u);
}

inline bool writes_dst(const Inst& in, Slot s) {
  const unsigned n = result_slots(in);
  return n && s >= in.dst && s < in.dst + n;
}

// Ops that stop the block with the frame visible to someone else: guest signal handlers
// (TR, and PortIn/PortOut/CallHelper, which trap without being marked TR: no ports, or a
// helper raising an exception), the next block (T), runtime helpers that get the whole
// MachineState (CallHelper).
inline bool observes_frame(const Inst& in) {
  return has(in.op, TR) || has(in.op, T) || in.op == Op::PortIn || in.op == Op::PortOut ||
         in.op == Op::CallHelper;
}

// Where the flags are visible beyond the block's own readers: at exits (the next block),
// and to ops that hand the whole frame to someone else. An op that merely *may* fault
// (a load, a store, a divide) is not counted: a signal handler that inspects eflags of a
// faulting instruction whose flags no later instruction reads may see an older value.
// Every instruction that can read the flags still sees exact ones. (docs/ir.md)
inline bool observes_flags(const Inst& in) {
  return has(in.op, T) || in.op == Op::ExitIf || in.op == Op::PortIn || in.op == Op::PortOut ||
         in.op == Op::CallHelper;
}
// The same, knowing the block: an exit to the next guest block passes the flags on only
// if that block may read them (Block::flags_dead_at_exit, set from the successors); a
// syscall, trap or hlt exit shows them to the runtime (signal frames, r11).
inline bool observes_flags(const Block& b, const Inst& in) {
  switch (in.op) {
    case Op::ExitJmp: case Op::ExitBr: case Op::ExitCall: case Op::ExitInd:
      return !b.flags_dead_at_exit;
    case Op::ExitIf:
      return !(in.aux2 & 1);  // (its target redefines them: set at tier-up)
    default:
      return observes_flags(in);
  }
}

// Guest registers read or written by an op without naming them as operands.
inline bool implicit_gpr_use(const Inst& in, Slot g) {
  switch (in.op) {
    case Op::String: return g == 0 || g == 1 || g == 6 || g == 7;     // rax rcx rsi rdi
    case Op::Cpuid: case Op::CmpXchg16: return g <= 3;                  // rax rcx rdx rbx
    case Op::Rdtsc: return g == 0 || g == 2;                             // rax rdx
    case Op::CallHelper: return true;
    default: return false;
  }
}

// Rewrites b.insts: drops the instructions with kill[i] set and puts the instructions
// inserted before old instruction i (insert_before) in front of it. Marks follow their
// instruction (a guest instruction whose IR all went away keeps its mark, now sharing an
// index with the next). Insertions are rare (deadflags' inc/dec): without any, the block
// is compacted in place. (Passes run for every block translated: no allocation per
// instruction here.)
struct Edits {
  explicit Edits(size_t n) : kill(n, 0) {}
  std::vector<uint8_t> kill;
  std::vector<std::pair<uint32_t, Inst>> before;  // (old index, instruction), any order
  bool any = false;
  void insert_before(size_t i, const Inst& x) { before.emplace_back(static_cast<uint32_t>(i), x); }
};

void rebuild(Block& b, Edits& e) {
  const size_t n = b.insts.size();
  thread_local std::vector<uint32_t> newpos;
  newpos.resize(n + 1);
  if (e.before.empty()) {
    size_t w = 0;
    for (size_t i = 0; i < n; ++i) {
      newpos[i] = static_cast<uint32_t>(w);
      if (!e.kill[i]) {
        if (w != i) b.insts[w] = b.insts[i];
        ++w;
      }
    }
    newpos[n] = static_cast<uint32_t>(w);
    b.insts.resize(w);
  } else {
    std::stable_sort(e.before.begin(), e.before.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<Inst> out;
    out.reserve(n + e.before.size());
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {
      newpos[i] = static_cast<uint32_t>(out.size());
      for (; k < e.before.size() && e.before[k].first == i; ++k) out.push_back(e.before[k].second);
      if (!e.kill[i]) out.push_back(b.insts[i]);
    }
    newpos[n] = static_cast<uint32_t>(out.size());
    b.insts = std::move(out);
  }
  for (auto& m : b.marks) m.first_inst = newpos[m.first_inst <= n ? m.first_inst : n];
}

// Uses of each slot below next_temp, into a per-thread buffer (valid until the next call
// on this thread; the passes run one at a time).
std::vector<uint32_t>& count_uses(const Block& b) {
  thread_local std::vector<uint32_t> uses;
  uses.assign(b.next_temp, 0);
  for (const Inst& in : b.insts)
    for_each_operand(in, [&](Slot s) {
      if (s < uses.size()) ++uses[s];
    });
  return uses;
}

// ---- coalesce ------------------------------------------------------------------------
//
//   %t7:i64 = addf %rax, %rbx        =>     %rax:i64 = addf %rax, %rbx
//   %rax:i64 = mov %t7
//
// Legal when %t7 has no other use, and between the def and the mov nothing reads or
// writes %rax (explicitly or implicitly) and nothing can observe the frame (a trap would
// otherwise see %rax already updated). The def's value must be what the mov would have
// written: Mov.i64 copies any i32/i64 result (i32 results are zero-extended in their
// slot); Mov.i32 masks, so only an i32 def fits.

bool result_fits(const Inst& d, Type mov_type) {
  if (d.op == Op::Const) return true;  // imm is re-masked below
  // Ops that do not mask their result to `type` (they are meant for i64 only).
  if ((d.op == Op::Merge8L || d.op == Op::Merge8H || d.op == Op::Merge16) && d.type != Type::I64) return false;
  if (mov_type == Type::I64) return d.type == Type::I32 || d.type == Type::I64 || d.type == Type::Addr;
  if (mov_type == Type::I32) return d.type == Type::I32;
  return false;
}

// GPRs and the FS/GS bases: globals no op reads or writes behind the IR's back except
// the few implicit_gpr_use() knows. (xmm slots are read in pairs by v128 operands; the
// flag and control slots have their own rules.)
bool coalesce_target(Slot g) { return g < 16 || g == kSlotFsBase || g == kSlotGsBase; }

// Returns whether another sweep may find more: a definition it redirected was itself a
// copy of a temp (`%t2 = mov %t1; %rax = mov %t2`: %t1's definition is next).
bool coalesce_sweep(Block& b) {
  bool chain = false;
  const size_t n = b.insts.size();
  std::vector<uint32_t>& uses = count_uses(b);
  constexpr uint32_t kNone = ~0u;
  thread_local std::vector<uint32_t> def;
  def.assign(b.next_temp, kNone);
  for (size_t i = 0; i < n; ++i) {
    const Inst& in = b.insts[i];
    if (result_slots(in) == 1 && is_temp(in.dst) && in.dst < def.size()) def[in.dst] = static_cast<uint32_t>(i);
  }
  Edits e(n);
  for (size_t j = 0; j < n; ++j) {
    const Inst& mv = b.insts[j];
    // `%t = load.i8; %gpr = zext %t` (movzx from memory) too: a load zero-extends anyway.
    const bool zext = mv.op == Op::Zext;
    if ((mv.op != Op::Mov && !zext) || !coalesce_target(mv.dst) || !is_temp(mv.a) || mv.a >= def.size()) continue;
    const Slot t = mv.a, g = mv.dst;
    if (uses[t] != 1 || def[t] == kNone || def[t] >= j) continue;
    const size_t i = def[t];
    Inst& d = b.insts[i];
    if (zext) {
      const Type from = static_cast<Type>(mv.aux);
      if (d.op != Op::Load || !is_int(d.type) || !is_int(from) || type_bits(d.type) > type_bits(from) ||
          type_bits(from) > type_bits(mv.type))
        continue;
    } else if (d.op == Op::CallHelper || !result_fits(d, mv.type)) {
      continue;
    }
    bool clear = true;
    for (size_t k = i + 1; k < j && clear; ++k) {
      if (e.kill[k]) continue;
      const Inst& x = b.insts[k];
      if (observes_frame(x) || writes_dst(x, g) || implicit_gpr_use(x, g)) clear = false;
      for_each_operand(x, [&](Slot s) { clear = clear && s != g; });
    }
    if (!clear) continue;
    d.dst = g;
    if ((d.op == Op::Mov || d.op == Op::Zext) && is_temp(d.a)) chain = true;
    if (d.op == Op::Const) {
      d.imm &= type_mask(mv.type);
      d.type = mv.type;
    }
    e.kill[j] = 1;
    e.any = true;
  }
  if (e.any) rebuild(b, e);
  return e.any && chain;
}

bool pass_coalesce(Block& b) {
  const size_t before = b.insts.size();
  while (coalesce_sweep(b)) {}  // (again only for `%t2 = mov %t1; %rax = mov %t2` chains)
  return b.insts.size() != before;
}

// ---- deadflags -----------------------------------------------------------------------
//
// Backward liveness of the flags state (one bit). Live at the exit (the next block may
// read it) and at anything that can observe the frame. An op that fully defines the
// status flags without reading them (AddF SubF AdcF SbbF AndF OrF XorF NegF SetCC
// SetFlags) kills it. A flag writer whose flags are dead afterwards becomes its flag-free
// twin, which computes the same value:
//
//   AddF SubF AndF OrF XorF -> Add Sub And Or Xor       NegF -> Neg
//   ShlF ShrF SarF RolF RorF -> Shl Shr Sar Rol Ror     (their value never depends on
//                                                        the flags they read)
//   IncF DecF -> Const 1 + Add/Sub                      SetCC -> removed
//
// Converting a reader (IncF, ShlF, ...) also stops it reading, which is why the scan is
// backward: `inc; inc; add` converts both incs.

bool kills_flags(Op op) {
  switch (op) {
    case Op::AddF: case Op::SubF: case Op::AdcF: case Op::SbbF: case Op::AndF: case Op::OrF:
    case Op::XorF: case Op::NegF: case Op::SetCC: case Op::SetFlags:
    case Op::VecFlags:  // (ucomis, comis, ptest, pcmpistri: every status flag, Eager)
      return true;
    default:
      return false;
  }
}

// A flag-setting shift whose count is a constant that x86's masking leaves non-zero
// defines every status flag (AF, and OF past a count of 1, undefined) without reading the
// old ones: a killer, where a shift by a variable count (0 keeps the flags) is a reader.
// The count operand of instruction i (a shift or rotate): 1 when it is a constant that
// x86's masking leaves non-zero, 0 when a constant it masks to 0, -1 when not a constant.
int const_count(const Block& b, size_t i) {
  const Inst& in = b.insts[i];
  if (!is_temp(in.b)) return -1;
  for (size_t k = i; k-- > 0;) {  // (temps have one definition, before their uses)
    const Inst& d = b.insts[k];
    if (d.dst == in.b) {
      if (d.op != Op::Const) return -1;
      return (d.imm & (type_bits(in.type) == 64 ? 63u : 31u)) != 0 ? 1 : 0;
    }
  }
  return -1;
}
bool const_count_shift(const Block& b, size_t i) {
  const Op op = b.insts[i].op;
  return (op == Op::ShlF || op == Op::ShrF || op == Op::SarF) && const_count(b, i) == 1;
}
// How instruction i treats the flags it finds: reads them, kills them (defines them all
// without reading), or neither. (One look for the constant-count shift's definition.)
struct FlagUse {
  bool reads, kills;
};
FlagUse flag_use_at(const Block& b, size_t i) {
  const Inst& in = b.insts[i];
  const bool cshift = has(in.op, RF) && const_count_shift(b, i);
  return {has(in.op, RF) && !cshift, kills_flags(in.op) || cshift};
}

std::optional<Op> flag_free_twin(Op op) {
  switch (op) {
    case Op::AddF: return Op::Add;
    case Op::SubF: return Op::Sub;
    case Op::AndF: return Op::And;
    case Op::OrF: return Op::Or;
    case Op::XorF: return Op::Xor;
    case Op::NegF: return Op::Neg;
    case Op::ShlF: return Op::Shl;
    case Op::ShrF: return Op::Shr;
    case Op::SarF: return Op::Sar;
    case Op::RolF: return Op::Rol;
    case Op::RorF: return Op::Ror;
    case Op::IncF: return Op::Add;
    case Op::DecF: return Op::Sub;
    default: return std::nullopt;
  }
}

// Readers of CF alone: b/ae conditions, the carry-in of adc/sbb (GetCF).
bool reads_cf_only(const Inst& in) {
  return (in.op == Op::Cond && (in.aux == 2 || in.aux == 3)) || in.op == Op::GetCF;
}

bool pass_deadflags(Block& b) {
  const size_t n = b.insts.size();
  for (const Inst& in : b.insts) {
    bool raw = false;
    for (unsigned k = 0; k < result_slots(in); ++k) raw = raw || is_cc_slot(static_cast<Slot>(in.dst + k));
    for_each_operand(in, [&](Slot s) { raw = raw || is_cc_slot(s); });
    if (raw) return false;  // the block handles the raw encoding itself: stay out
  }
  Edits e(n);
  bool live = false;  // past the exit; the exit itself decides (observes_flags)
  // Any flag but CF live (live_rest implies live); and a SetCC whose flags other than CF
  // are dead was seen, with no flag access between it and here: bt's read of the flags it
  // keeps (GetFlags kGetFlagsKeepForCf) is then not needed.
  bool live_rest = false, keep_dead = false;
  for (size_t i = n; i-- > 0;) {
    Inst& in = b.insts[i];
    if (observes_flags(b, in)) { live = live_rest = true; keep_dead = false; continue; }
    if (in.op == Op::GetFlags && in.aux == kGetFlagsKeepForCf && keep_dead && is_int(in.type)) {
      in.op = Op::Const;  // (reads no flags now: liveness passes through unchanged)
      in.aux = 0;
      in.imm = 0;
      e.any = true;
      keep_dead = false;
      continue;
    }
    const bool writes = has(in.op, F);
    const FlagUse use = flag_use_at(b, i);
    const bool reads = use.reads;
    if (writes || reads) keep_dead = in.op == Op::SetCC && !live_rest;  // (a dead SetCC goes below)
    if (writes && !live) {
      if (in.op == Op::SetCC) { e.kill[i] = 1; e.any = true; continue; }
      std::optional<Op> twin = flag_free_twin(in.op);
      if (twin) {
        if (in.op == Op::IncF || in.op == Op::DecF) {
          if (b.next_temp >= kNumSlots) { live = true; continue; }
          Inst one;
          one.op = Op::Const;
          one.type = in.type;
          one.dst = b.next_temp++;
          one.imm = 1;
          e.insert_before(i, one);
          in.b = one.dst;
        }
        in.op = *twin;
        e.any = true;
        continue;  // no longer touches the flags: liveness passes through unchanged
      }
    }
    const bool kills = writes && use.kills;
    if (kills) live = live_rest = false;
    if (reads) {
      live = true;
      if (!reads_cf_only(in)) live_rest = true;
    }
    if (writes && !kills && !reads) live = live_rest = true;  // partial writer (none today)
  }
  if (e.any) rebuild(b, e);
  return e.any;
}

// ---- dce -----------------------------------------------------------------------------
//
// One backward sweep reaches the fixed point: an instruction's operands are defined
// before it, so their use counts drop before the sweep reaches their definitions.

bool removable(const Inst& in) {
  if (!has(in.op, R) || has(in.op, SE | T | F | M | TR)) return false;
  return is_temp(in.dst);  // writes to global slots are never dead here
}

bool pass_dce(Block& b) {
  const size_t n = b.insts.size();
  std::vector<uint32_t>& uses = count_uses(b);
  auto used = [&](Slot s) { return s < uses.size() && uses[s] != 0; };
  Edits e(n);
  for (size_t i = n; i-- > 0;) {
    const Inst& in = b.insts[i];
    if (!removable(in)) continue;
    bool live = false;
    for (unsigned k = 0; k < result_slots(in); ++k) live = live || used(static_cast<Slot>(in.dst + k));
    if (live) continue;
    e.kill[i] = 1;
    e.any = true;
    for_each_operand(in, [&](Slot s) {
      if (s < uses.size() && uses[s]) --uses[s];
    });
  }
  if (e.any) rebuild(b, e);
  return e.any;
}

// ---- fold ----------------------------------------------------------------------------
//
// Evaluates pure ops whose operands are all known constants (Const temps and the zero
// slot), with exactly the interpreter's arithmetic (interp.cpp), and rewrites them to
// Const. Only temps are tracked: a global's value is not known at block entry.

inline uint64_t sx(uint64_t v, unsigned w) {
  return w >= 64 ? v : static_cast<uint64_t>(static_cast<int64_t>(v << (64 - w)) >> (64 - w));
}
inline unsigned shift_count(uint64_t c, unsigned w) { return static_cast<unsigned>(c & (w == 64 ? 63 : 31)); }

std::optional<uint64_t> eval_pure(const Inst& in, uint64_t A, uint64_t B) {
  const uint64_t M = type_mask(in.type);
  const unsigned W = type_bits(in.type);
  if (!is_int(in.type) || W == 0) return std::nullopt;
  switch (in.op) {
    case Op::Mov: return A & M;
    case Op::Zext: return A & type_mask(static_cast<Type>(in.aux)) & M;
    case Op::Sext: {
      const Type st = static_cast<Type>(in.aux);
      return sx(A & type_mask(st), type_bits(st)) & M;
    }
    case Op::Add: return (A + B) & M;
    case Op::Sub: return (A - B) & M;
    case Op::Mul: return (A * B) & M;
    case Op::And: return A & B & M;
    case Op::Or: return (A | B) & M;
    case Op::Xor: return (A ^ B) & M;
    case Op::Not: return ~A & M;
    case Op::Neg: return (0 - A) & M;
    case Op::Shl: { unsigned c = shift_count(B, W); return (c >= 64 ? 0 : (A << c)) & M; }
    case Op::Shr: return (A & M) >> shift_count(B, W);
    case Op::Sar: return static_cast<uint64_t>(static_cast<int64_t>(sx(A & M, W)) >> shift_count(B, W)) & M;
    case Op::CmpEq: return (A & M) == (B & M) ? 1 : 0;
    case Op::CmpNe: return (A & M) != (B & M) ? 1 : 0;
    case Op::CmpLtU: return (A & M) < (B & M) ? 1 : 0;
    case Op::CmpLeU: return (A & M) <= (B & M) ? 1 : 0;
    case Op::CmpLtS: return static_cast<int64_t>(sx(A & M, W)) < static_cast<int64_t>(sx(B & M, W)) ? 1 : 0;
    case Op::CmpLeS: return static_cast<int64_t>(sx(A & M, W)) <= static_cast<int64_t>(sx(B & M, W)) ? 1 : 0;
    case Op::Addr: return (A + (B << in.aux) + in.imm) & M;
    default: return std::nullopt;
  }
}

bool pass_fold(Block& b) {
  thread_local std::vector<uint8_t> known;
  thread_local std::vector<uint64_t> val;
  known.assign(b.next_temp, 0);
  val.assign(b.next_temp, 0);
  auto konst = [&](Slot s, uint64_t& out) {
    if (s == kSlotZero) { out = 0; return true; }
    if (!is_temp(s) || s >= known.size() || !known[s]) return false;
    out = val[s];
    return true;
  };
  bool changed = false;
  for (Inst& in : b.insts) {
    if (in.op == Op::Select && is_int(in.type)) {
      uint64_t c;
      if (konst(in.c, c)) {
        in.op = Op::Mov;
        in.a = (c & 1) ? in.a : in.b;
        in.b = in.c = kNoSlot;
        changed = true;
      }
    }
    if ((in.op == Op::Or || in.op == Op::Xor || in.op == Op::Add || in.op == Op::Sub || in.op == Op::And) &&
        is_int(in.type)) {
      // x | 0, x ^ 0, x + 0, 0 + x, x - 0: a move of x (at the op's width, as the op's
      // own result would be masked); x & 0: 0. (bt's kept flags, once found dead, are 0.)
      uint64_t ka = 1, kb = 1;
      const bool za = konst(in.a, ka) && ka == 0, zb = konst(in.b, kb) && kb == 0;
      if (za != zb && (zb || in.op != Op::Sub)) {
        if (in.op == Op::And) {
          in.op = Op::Const;
          in.a = kNoSlot;
          in.imm = 0;
        } else {
          in.op = Op::Mov;
          in.a = za ? in.b : in.a;
        }
        in.b = in.c = kNoSlot;
        in.aux = 0;
        in.imm2 = 0;
        changed = true;
      }
    }
    if (in.op != Op::Const && has(in.op, R) && !has(in.op, SE | T | F | M | TR | R2)) {
      const unsigned na = info(in.op).nargs;
      uint64_t A = 0, B = 0;
      bool all = na <= 2 && (na < 1 || konst(in.a, A)) && (na < 2 || konst(in.b, B));
      std::optional<uint64_t> r = all ? eval_pure(in, A, B) : std::nullopt;
      if (r) {
        in.op = Op::Const;
        in.a = in.b = in.c = kNoSlot;
        in.aux = 0;
        in.imm = *r;
        in.imm2 = 0;
        changed = true;
      }
    }
    if (in.op == Op::Const && is_temp(in.dst) && in.dst < known.size()) {
      known[in.dst] = 1;
      val[in.dst] = in.imm;
    }
  }
  return changed;
}

}  // namespace

namespace {
using namespace rflags;
constexpr uint32_t kAllStatus = static_cast<uint32_t>(kStatus);
// The status flags condition cc (x86 order: o no b ae e ne be a s ns p np l ge le g) reads.
uint32_t cond_reads(unsigned cc) {
  static constexpr uint32_t m[8] = {OF, CF, ZF, CF | ZF, SF, PF, SF | OF, ZF | SF | OF};
  return m[(cc >> 1) & 7];
}
// For a flag writer that neither kills the flags nor looks at them but carries some of
// them over from before (inc/dec keep CF; a rotate by a non-zero constant keeps SF ZF AF
// PF; a shift or rotate by a count that may be 0 keeps them all): the flags it keeps.
// -1 for any other writer (rcl/rcr read CF into their result: an observer).
int64_t flags_carried_by(const Block& b, size_t i) {
  const Inst& in = b.insts[i];
  switch (in.op) {
    case Op::IncF: case Op::DecF:
      return CF;
    case Op::ShlF: case Op::ShrF: case Op::SarF: case Op::ShldF: case Op::ShrdF:
      return kAllStatus;  // (by a constant: a killer, not asked here; shld/shrd kept whole)
    case Op::RolF: case Op::RorF:
      return const_count(b, i) == 1 ? (SF | ZF | AF | PF) : kAllStatus;
    default:
      return -1;
  }
}
}  // namespace

IncomingFlags incoming_flags(const Block& b) {
  // The incoming status flags still in the flags: a partial writer that only carries some
  // of them over (inc, a rotate) is no reader; a reader of none of them is none either.
  uint32_t carried = kAllStatus;
  for (size_t i = 0; i < b.insts.size(); ++i) {
    const Inst& in = b.insts[i];
    if (has(in.op, T) && (in.op == Op::ExitJmp || in.op == Op::ExitCall || in.op == Op::ExitBr))
      return IncomingFlags::PassThrough;  // reached a direct exit with some untouched: they flow on
    if (observes_flags(in)) return IncomingFlags::Read;
    const FlagUse use = flag_use_at(b, i);
    if (has(in.op, F)) {
      if (use.kills) return IncomingFlags::Killed;
      const int64_t keep = flags_carried_by(b, i);
      if (keep < 0) return IncomingFlags::Read;
      carried &= static_cast<uint32_t>(keep);
      if (carried == 0) return IncomingFlags::Killed;  // (inc then a rotate: none left)
      continue;
    }
    if (use.reads) {
      const uint32_t reads = in.op == Op::Cond ? cond_reads(in.aux) : in.op == Op::GetCF ? CF : kAllStatus;
      if (reads & carried) return IncomingFlags::Read;
    }
  }
  return IncomingFlags::Read;  // any other exit: someone may look at them
}

bool flags_killed_before_read(const Block& b) { return incoming_flags(b) == IncomingFlags::Killed; }

bool reads_flags(const Block& b, size_t i) { return flag_use_at(b, i).reads; }

bool flags_read_from(const Block& b, size_t i) {
  for (; i < b.insts.size(); ++i) {
    const Inst& in = b.insts[i];
    const FlagUse use = flag_use_at(b, i);
    if (observes_flags(b, in) || use.reads) return true;
    if (has(in.op, F)) return !use.kills;  // a partial writer keeps older bits
  }
  return !b.flags_dead_at_exit;  // (a block always ends in an exit; not reached)
}

bool flags_read_before_exit(const Block& b, size_t i) {
  for (; i + 1 < b.insts.size(); ++i) {
    const Inst& in = b.insts[i];
    const FlagUse use = flag_use_at(b, i);
    if (observes_flags(b, in) || use.reads) return true;
    if (has(in.op, F)) return !use.kills;
  }
  return false;
}

const std::vector<PassInfo>& all_passes() {
  static const std::vector<PassInfo> passes = {
      {"fold", pass_fold, "fold pure ops over constants into Const (interpreter arithmetic)"},
      {"coalesce", pass_coalesce, "write an op's result straight into the guest register a Mov copies it to"},
      {"deadflags", pass_deadflags, "flag writers whose flags are overwritten before any reader lose their flags"},
      {"dce", pass_dce, "remove side-effect-free instructions whose temps are never used"},
  };
  return passes;
}

const PassInfo* find_pass(const std::string& name) {
  for (const auto& p : all_passes())
    if (name == p.name) return &p;
  return nullptr;
}

std::string run_passes(Block& b, const std::vector<std::string>& names, bool verify,
                       const std::function<void(const std::string&, const Block&)>& after) {
  for (const auto& n : names) {
    const PassInfo* p = find_pass(n);
    if (!p) return "unknown pass " + n;
    p->fn(b);
    if (verify) {
      std::string err = ir::verify(b);
      if (!err.empty()) return "after " + n + ": " + err;
    }
    if (after) after(n, b);
  }
  return {};
}

}  // namespace retrace::ir
