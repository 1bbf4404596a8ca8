// IR → x86-64 lowering. See translator.h for the execution model.
#include "backend/x86_64/translator.h"
#include "backend/x86_64/host_flags.h"

#include <Zydis/Zydis.h>
#include <asmjit/x86.h>
#include <sys/resource.h>

#include <algorithm>
#include <optional>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cctype>
#include <mutex>
#include <string>

#include "ir/flags.h"
#include "ir/host_cpu.h"
#include "ir/passes.h"
#include "ir/vecops.h"

namespace retrace::backend {

using namespace asmjit;
using ir::Inst;
using ir::Op;
using ir::Slot;
using ir::Type;

namespace {

// ---- helpers called from translated code (System V ABI) ------------------------------

// RETRACE_HELPER_PROFILE=1: count helper-executed ops by opcode, printed at exit (which
// ops are worth a native handler next).
uint64_t g_helper_counts[ir::kNumOps];
uint64_t g_rt_cond_calls = 0, g_rt_getcf_calls = 0;
bool g_helper_profile = [] {
  if (!getenv("RETRACE_HELPER_PROFILE")) return false;
  atexit([] {
    for (unsigned i = 0; i < ir::kNumOps; ++i)
      if (g_helper_counts[i]) fprintf(stderr, "helper %-12s %llu\n", ir::kOpInfo[i].name, static_cast<unsigned long long>(g_helper_counts[i]));
    fprintf(stderr, "helper rt_cond      %llu\nhelper rt_getcf     %llu\n", static_cast<unsigned long long>(g_rt_cond_calls),
            static_cast<unsigned long long>(g_rt_getcf_calls));
  });
  return true;
}();

uint32_t rt_exec_one(ir::MachineState* st, const Inst* in, uint64_t pc) {
  if (g_helper_profile) g_helper_counts[static_cast<unsigned>(in->op)]++;
  return ir::interpret_one(*in, *st, pc) ? 1u : 0u;
}

uint64_t rt_cond(ir::MachineState* st, uint64_t cc) {
  if (g_helper_profile) g_rt_cond_calls++;
  const uint64_t* v = st->slot;
  return ir::eval_cond(static_cast<unsigned>(cc), v[ir::kSlotCcOp], v[ir::kSlotCcDst], v[ir::kSlotCcSrc1], v[ir::kSlotCcSrc2]);
}

uint64_t rt_getcf(ir::MachineState* st) {
  if (g_helper_profile) g_rt_getcf_calls++;
  const uint64_t* v = st->slot;
  return ir::compute_cf(v[ir::kSlotCcOp], v[ir::kSlotCcDst], v[ir::kSlotCcSrc1], v[ir::kSlotCcSrc2]) ? 1 : 0;
}

// Bit-count instructions the host itself has: popcnt, lzcnt (ABM), tzcnt (BMI1).
bool host_has(Op op) {
  const ir::HostCpu& cpu = ir::host_cpu();
  return op == Op::Popcnt ? cpu.popcnt : op == Op::Lzcnt ? cpu.lzcnt : cpu.tzcnt;
}

// Vector rows whose semantics are exactly a legacy-SSE instruction of the same name
// (dst = dst OP src [, imm8]) and that do not depend on MXCSR: translated code runs that
// instruction itself (same ISA). Found once by asking asmjit to validate the form.
struct NativeVec {
  InstId id = 0;      // 0: no native form
  bool imm = false;   // takes an imm8
  bool unary = false; // `op xmm, imm8` on a (the *_I shift rows)
};
// The row's native form, worked out the first time a row is asked for (asking asmjit to
// validate every row up front cost more than translating /bin/true's hot blocks).
NativeVec find_native_vec(unsigned i) {
  const ir::VecOpInfo& vi = ir::vec_info(i);
  if (vi.kind != 'V' || vi.fp) return {};
  // pcmpistrm writes xmm0, not its first operand: lowered on its own (see Emitter::lower).
  if (i == ir::vec_id(ir::VecOp::PCMPISTRM)) return {};
  std::string name = vi.name;
  for (char& ch : name) ch = static_cast<char>(tolower(static_cast<unsigned char>(ch)));
  // Rows named after their register-to-register form.
  if (name == "movq_zx") name = "movq";
  else if (name == "movss_merge") name = "movss";
  else if (name == "movsd_merge") name = "movsd";
  const bool unary = name.size() > 2 && name.compare(name.size() - 2, 2, "_i") == 0;
  if (unary) name.resize(name.size() - 2);  // psllw_i: psllw xmm, imm8
  InstId id = InstAPI::stringToInstId(Arch::kX64, name.c_str(), name.size());
  if (id == 0) return {};
  if (unary) {
    CodeHolder code;
    code.init(Environment::host());
    x86::Assembler a(&code);
    a.addDiagnosticOptions(DiagnosticOptions::kValidateAssembler);
    if (a.emit(id, x86::xmm0, Imm(0)) == kErrorOk) return {id, true, true};
    return {};
  }
  for (bool imm : {false, true}) {
    CodeHolder code;
    code.init(Environment::host());
    x86::Assembler a(&code);
    a.addDiagnosticOptions(DiagnosticOptions::kValidateAssembler);
    Error err = imm ? a.emit(id, x86::xmm0, x86::xmm1, Imm(0)) : a.emit(id, x86::xmm0, x86::xmm1);
    if (err == kErrorOk) return {id, imm};
  }
  return {};
}
const NativeVec& native_vec(unsigned row) {
  static constexpr size_t kRows = static_cast<size_t>(ir::VecOp::Count);
  static NativeVec rows[kRows];
  static std::atomic<bool> known[kRows];
  static std::mutex mu;
  if (!known[row].load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mu);  // (translators of several threads)
    if (!known[row].load(std::memory_order_relaxed)) {
      rows[row] = find_native_vec(row);
      known[row].store(true, std::memory_order_release);
    }
  }
  return rows[row];
}

constexpr int32_t kRipOff = static_cast<int32_t>(offsetof(ir::MachineState, rip));
constexpr int32_t kPendingOff = static_cast<int32_t>(offsetof(ir::MachineState, pending_exit));
constexpr int32_t kTrapSigOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_signal));
constexpr int32_t kTrapCodeOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_code));
constexpr int32_t kTrapAddrOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_addr));
constexpr int32_t kHostRspOff = static_cast<int32_t>(offsetof(ir::MachineState, host_rsp));
constexpr int32_t kRasLimitOff = static_cast<int32_t>(offsetof(ir::MachineState, ras_limit));
// Return-address stack: a guest call made from translated code is a host call (after
// pushing the guest return address), so the guest's ret can be a host `ret 8`, which the
// host's return predictor gets right. At most this much host stack holds such frames
// (512 KiB, or a quarter of RLIMIT_STACK, the main thread's host stack, if that is less);
// deeper calls leave through the dispatcher, which starts the stack afresh.
int32_t ras_bytes() {
  static const int32_t n = [] {
    struct rlimit rl;
    uint64_t b = 512 << 10;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) b = std::min<uint64_t>(b, rl.rlim_cur / 4);
    return static_cast<int32_t>(std::max<uint64_t>(b, 16 << 10) & ~uint64_t{15});
  }();
  return n;
}

const x86::Gp kState = x86::r15;
// Host xmm2..xmm15 hold copies of 16-byte slots within a block (Emitter's xmm copies);
// xmm0 and xmm1 are scratch.
constexpr int kXmmCopies = 14;
}  // namespace
bool g_test_alu_counts_as_neutral = false;

namespace {
// RETRACE_TEST_BMI2=0 or 1 says whether host code may use BMI2 (rorx in the
// indirect-branch probes) whatever the host has: tests of the fallback set 0, and the
// golden codegen files, printed and never run, set 1 so their text is the same on every
// host. Read once, at the first translation.
bool use_bmi2() {
  static const bool use = [] {
    const char* v = getenv("RETRACE_TEST_BMI2");
    return v ? atoi(v) != 0 : ir::host_cpu().bmi2;
  }();
  return use;
}
}  // namespace

namespace {

// Guest GPRs pinned to host registers in all translated code (host register, guest slot):
// rsp, rax, rdi, rsi, rdx in callee-saved registers; rcx, rbx, rbp in caller-saved ones.
constexpr int kNumPinned = 8;
const std::pair<x86::Gp, Slot> kPinned[kNumPinned] = {
    {x86::rbx, 4}, {x86::rbp, 0}, {x86::r12, 7}, {x86::r13, 6},
    {x86::r14, 2}, {x86::rsi, 1}, {x86::rdi, 3}, {x86::r8, 5}};
x86::Mem S(Slot s) { return x86::qword_ptr(kState, static_cast<int32_t>(s) * 8); }
x86::Mem S(Slot s, unsigned bytes) { return x86::ptr(kState, static_cast<int32_t>(s) * 8, bytes); }

unsigned bytes_of(Type t) { return t == Type::I8 ? 1 : t == Type::I16 ? 2 : t == Type::I32 ? 4 : 8; }
bool is_w(Type t) { return t == Type::I32 || t == Type::I64 || t == Type::Addr; }
x86::Gp sized(const x86::Gp& r, Type t) {
  switch (t) {
    case Type::I8: return r.r8();
    case Type::I16: return r.r16();
    case Type::I32: return r.r32();
    default: return r.r64();
  }
}

// Which lazy-flags producer is statically known at this point of the block.
struct FlagsKnown {
  // ResultOnly: ZF, SF and PF follow the recorded result (inc, dec, shifts by a known
  // non-zero count); other conditions need the full lazy evaluation.
  // Eager: cc_dst holds the RFLAGS status bits (a SetCC of kind Eager: bt and its kin).
  enum Kind { Unknown, Sub, Add, Logic, ResultOnly, Eager } kind = Unknown;
  Type type = Type::I64;
  Op shift = Op::Const;   // ResultOnly from a shift by a known count: redo it for CF
  uint8_t count = 0;
};

class Emitter {
 public:
  Emitter(x86::Assembler& a, const ir::Block& b, const uint64_t* ib, const uint8_t* exit,
          codecache::TranslatedBlock& tb, TranslateStats& stats, const uint8_t* cond_thunk,
          const uint8_t* getcf_thunk)
      : a_(a), b_(b), ib_(ib), exit_(exit), tb_(tb), stats_(stats), cond_thunk_(cond_thunk),
        getcf_thunk_(getcf_thunk) {
    for (int i = 0; i < kNumPinned; ++i) held_[i] = kPinned[i].second;
    xclear();
  }

  bool xmm_lost() const { return xmm_lost_; }

  void run() {
    // Last use of each temp, so its host register is released right after it.
    last_use_.assign(b_.next_temp, -1);
    consts_.assign(b_.next_temp, 0);
    is_const_.assign(b_.next_temp, 0);
    for (size_t i = 0; i < b_.insts.size(); ++i) {
      const Inst& in = b_.insts[i];
      const Slot args[3] = {in.a, in.b, in.c};
      for (unsigned k = 0; k < ir::info(in.op).nargs; ++k)
        if (ir::is_temp(args[k]) && args[k] < last_use_.size()) last_use_[args[k]] = static_cast<int>(i);
    }
    // An indirect jmp or call (not a ret, not one with a predicted target) may hand the
    // flags on in the host flags: its probe of the table of targets that define them
    // first is flag-neutral, and only a miss stores them (lower(ExitInd)).
    {
      const Inst& t = b_.terminator();
      ind_exit_ok_ = !conservative_ && bmi2_ && t.op == Op::ExitInd && static_cast<ir::ExitHint>(t.aux) != ir::ExitHint::Ret &&
                     b_.ind_predict == 0 &&
                     reinterpret_cast<uint64_t>(ib_) + codecache::kIbEntries * 32 < 0x7fff0000u;
    }
    // Safe point: every block entry (chained or not) checks for a pending exit request.
    Stub pending{a_.newLabel(), b_.pc, ir::ExitKind::Jump};
    a_.cmp(x86::dword_ptr(kState, kPendingOff), 0);
    a_.long_().jne(pending.label);
    stubs_.push_back(pending);
    tb_.unchecked_entry = static_cast<uint32_t>(a_.offset());
    if (!b_.check_bytes.empty()) {
      // Self-checking block: its guest bytes must still be what was translated; if not,
      // leave through the same exit (the dispatcher sees the change and decodes again).
      const std::vector<uint8_t>& bytes = b_.check_bytes;
      a_.mov(x86::rcx, b_.pc);
      size_t off = 0;
      while (off < bytes.size()) {
        size_t left = bytes.size() - off;
        unsigned w = left >= 8 ? 8 : left >= 4 ? 4 : left >= 2 ? 2 : 1;
        uint64_t v = 0;
        memcpy(&v, bytes.data() + off, w);
        x86::Mem m = x86::ptr(x86::rcx, static_cast<int32_t>(off), w);
        if (w == 8) {
          a_.mov(x86::rax, v);
          a_.cmp(m, x86::rax);
        } else if (w == 4) {
          a_.cmp(m, Imm(static_cast<int32_t>(static_cast<uint32_t>(v))));
        } else if (w == 2) {
          a_.cmp(m, Imm(static_cast<int16_t>(static_cast<uint16_t>(v))));
        } else {
          a_.cmp(m, Imm(static_cast<int8_t>(static_cast<uint8_t>(v))));
        }
        a_.jne(pending.label);
        off += w;
      }
    }
    size_t m = 0;
    for (size_t i = 0; i < b_.insts.size(); ++i) {
      cur_index_ = static_cast<int>(i);
      while (m < b_.marks.size() && b_.marks[m].first_inst == i) {
        tb_.pc_map.emplace_back(static_cast<uint32_t>(a_.offset()), b_.mark_pc(m));
        cur_pc_ = b_.mark_pc(m);
        ++m;
      }
      const Inst& in = b_.insts[i];
      if (static_cast<int>(i) <= skip_to_) {
        stats_.inline_ops++;  // folded into an earlier instruction's host code (rmw)
        if (ir::has(in.op, ir::prop::F)) host_valid_ = false;
        release_dead_temps();
        continue;
      }
      const size_t start = a_.offset();
      insn_stamp_ = clock_;
      if (!xmm_cache_aware(in)) {
        xflush_for(in);  // (it reads or writes those slots in memory)
        if (in.dst != ir::kNoSlot) {
          // The op writes this slot some other way: a copy of it (or of the 16-byte slot
          // whose high half it is) is stale.
          xforget(in.dst);
          xforget(static_cast<Slot>(in.dst - 1));
        }
      }
      if (!deferred_.empty() && in.op != Op::Cond && in.op != Op::ExitIf) {
        flags_lost_ = true;  // (stores left for a side exit that did not follow: redo safely)
        deferred_.clear();
      }
      Inst rsp_copy;
      const Inst* lin = &in;
      if (defer_rsp(in, rsp_copy, lin)) {
        stats_.inline_ops++;
      } else if (lower(*lin)) {
        stats_.inline_ops++;
      } else {
        helper(in);  // (the block's own instruction, not a lag-adjusted copy: rsp is exact by then)
        stats_.helper_ops++;
      }
      defer_flags_ = false;
      track_host_flags(in, start);
      release_dead_temps();
    }
    // Side exits' lazy-flag stores, then a chainable jump on (its stub comes below).
    for (TakenStores& ts : taken_stores_) {
      a_.bind(ts.label);
      for (const LazyStore& st : ts.stores) {
        if (st.reg.isValid()) a_.mov(x86::qword_ptr(kState, st.off), st.reg);
        else a_.mov(x86::qword_ptr(kState, st.off), Imm(st.imm));
      }
      chain_jmp(ts.target, ir::ExitKind::Branch, false);
    }
    // Out-of-line exit stubs.
    for (auto& s : stubs_) {
      a_.bind(s.label);
      a_.mov(x86::rax, s.target);
      a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
      a_.mov(x86::eax, static_cast<uint32_t>(s.kind));
      a_.jmp(reinterpret_cast<uint64_t>(exit_));
    }
    a_.bind(trap_exit_);
    a_.mov(x86::eax, static_cast<uint32_t>(ir::ExitKind::Trap));
    a_.jmp(reinterpret_cast<uint64_t>(exit_));
  }

  struct Stub {
    Label label;
    uint64_t target;
    ir::ExitKind kind;
  };
  std::vector<Stub> stubs_;
  // A lazy-flag store (a state slot, from a host register or an immediate) that a flag
  // producer left to the side exit right after it: its flags are read on the taken path
  // only (the target may read them), so they are stored there, out of line, and the
  // fall-through path, where the next reader finds them redefined, stores nothing.
  struct LazyStore {
    int32_t off;
    x86::Gp reg;  // (invalid: the immediate)
    int32_t imm;
  };
  struct TakenStores {
    Label label;
    std::vector<LazyStore> stores;
    uint64_t target;
  };
  std::vector<TakenStores> taken_stores_;
  std::vector<LazyStore> deferred_;  // recorded by the producer, taken by its side exit
  bool defer_flags_ = false;         // the producer being lowered records into deferred_
  void lazy_store(int32_t off, const x86::Gp& r) {
    if (defer_flags_) deferred_.push_back({off, r.r64(), 0});
    else a_.mov(x86::qword_ptr(kState, off), r.r64());
  }
  void lazy_store(int32_t off, const Imm& v) {
    if (defer_flags_) deferred_.push_back({off, x86::Gp(), static_cast<int32_t>(v.value())});
    else a_.mov(x86::qword_ptr(kState, off), v);
  }
  std::vector<std::pair<uint32_t, uint64_t>> chain_sites_;  // rel32 offset, target
  Label trap_exit_;

 private:
  // ---- register cache ----------------------------------------------------------------
  // Eight guest GPRs are pinned to host registers across all translated code (see
  // kPinned: loaded by the enter trampoline, stored by the exit trampoline and around
  // helper calls), so chained blocks pass them in registers. The other three pool
  // registers cache the remaining GPRs and temps within a block: dirty GPRs among them are
  // written back at every exit; temps never need to be (they die with the block) unless a
  // helper reads them. Memory accesses record where dirty cached GPRs live, so a fault
  // there can rebuild the guest state from the signal context.
  static constexpr int kPool = 11;
  const x86::Gp pool_[kPool] = {x86::rbx, x86::rbp, x86::r12, x86::r13, x86::r14,
                                x86::rsi, x86::rdi, x86::r8, x86::r9, x86::r10, x86::r11};
  static constexpr int kCalleeSaved = 5;  // pool_[0..4] survive helper calls
  Slot held_[kPool] = {ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot,
                       ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot};
  bool dirty_[kPool] = {};
  uint64_t stamp_[kPool] = {};
  uint64_t clock_ = 0;
  std::vector<int> last_use_;
  int cur_index_ = 0;

  static bool cacheable(Slot s) { return s < 16 || ir::is_temp(s); }
  static bool pinned(int i) { return i < kNumPinned; }
  // Needed by the current instruction or a later one (helpers and re-loads read memory).
  bool temp_live(Slot s) const { return s < last_use_.size() && last_use_[s] >= cur_index_; }
  // A temp the current instruction defines and nothing reads (cmp's result: only its
  // flags are wanted).
  bool dead_temp(Slot s) const { return ir::is_temp(s) && !(s < last_use_.size() && last_use_[s] > cur_index_); }
  int where(Slot s) const {
    for (int i = 0; i < kPool; ++i)
      if (held_[i] == s) return i;
    return -1;
  }
  void spill(int i) {
    Slot s = held_[i];
    if (s != ir::kNoSlot && dirty_[i] && (s < 16 || temp_live(s))) a_.mov(S(s), pool_[i]);
    held_[i] = ir::kNoSlot;
    dirty_[i] = false;
  }
  int acquire(Slot s, bool load) {
    int i = where(s);
    if (i < 0) {
      for (int k = kNumPinned; k < kPool && i < 0; ++k)
        if (held_[k] == ir::kNoSlot) i = k;
      if (i < 0) {
        // The register whose value is needed furthest ahead (Belady), among those the
        // instruction being lowered has not touched; least recently used if it touched all.
        int best_use = -1;
        for (int k = kNumPinned; k < kPool; ++k) {
          if (stamp_[k] > insn_stamp_) continue;
          const int u = next_use(held_[k]);
          if (u > best_use || (u == best_use && stamp_[k] < stamp_[i])) { i = k; best_use = u; }
        }
        if (i < 0) {
          i = kNumPinned;
          for (int k = kNumPinned + 1; k < kPool; ++k)
            if (stamp_[k] < stamp_[i]) i = k;
        }
        spill(i);
      }
      held_[i] = s;
      dirty_[i] = false;
      if (load) a_.mov(pool_[i], S(s));
    }
    stamp_[i] = ++clock_;
    return i;
  }
  // Where slot s is next read, from the instruction being lowered on (a large number when
  // not within the next 64, or when it is written first: its value is not needed then).
  // (From instruction `from` on: the one being lowered by default.)
  int next_use(Slot s, int from = -1) const {
    if (from < 0) from = cur_index_;
    const size_t n = std::min(b_.insts.size(), static_cast<size_t>(from) + 64);
    for (size_t j = static_cast<size_t>(from); j < n; ++j) {
      const Inst& u = b_.insts[j];
      const Slot args[3] = {u.a, u.b, u.c};
      for (unsigned k = 0; k < ir::info(u.op).nargs; ++k)
        if (args[k] == s) return static_cast<int>(j);
      if (u.dst == s && static_cast<int>(j) > cur_index_) break;
    }
    return 1 << 30;
  }
  // A constant (or the zero slot) as the sign-extended imm32 an instruction of width t
  // takes for it, if it fits one.
  std::optional<int32_t> imm32(Slot s, Type t) const {
    if (s == ir::kSlotZero) return 0;
    if (!is_const(s)) return std::nullopt;
    const unsigned sh = 64 - ir::type_bits(t);
    const int64_t v = sh ? static_cast<int64_t>(consts_[s] << sh) >> sh : static_cast<int64_t>(consts_[s]);
    if (v != static_cast<int32_t>(v)) return std::nullopt;
    return static_cast<int32_t>(v);
  }
  // Locked read-modify-writes as the host's own locked instructions (same ISA, same memory):
  // xchg, lock xadd, lock add/sub/and/or/xor when the old value is not wanted, a lock
  // cmpxchg loop for and/or/xor when it is, lock cmpxchg. A fault is precise like a load's
  // (recovery). Operands that would need the scratch registers the sequence uses go to the
  // helper instead.
  bool atomic(const Inst& in) {
    const Type t = in.type;
    if (!ir::is_int(t) || t == Type::I1 || in.imm != 0) return false;
    const unsigned nb = bytes_of(t);
    auto in_pool = [&](Slot s) { return cacheable(s) && !is_const(s) && s != ir::kSlotZero; };
    if (in.op == Op::CmpXchg) {
      // dst = old; [a] = c if old == b. rax: b in, old out (zero-extended either way).
      const std::optional<int32_t> ic = imm32(in.c, t);
      if (!in_pool(in.a) || !(in_pool(in.c) || ic)) return false;
      x86::Gp vc = x86::rcx;
      if (in_pool(in.c)) vc = reg(in.c);
      else a_.mov(x86::rcx, Imm(*ic));
      const x86::Mem m = x86::ptr(reg(in.a), 0, nb);
      ldz(x86::rax, in.b, t);
      const uint32_t at = static_cast<uint32_t>(a_.offset());
      a_.lock().cmpxchg(m, sized(vc, t));
      recovery(at, static_cast<uint32_t>(a_.offset()));
      st(in.dst, x86::rax);
      return true;
    }
    const auto aop = static_cast<ir::AtomicOp>(in.aux);
    const Op alu = aop == ir::AtomicOp::Add ? Op::Add : aop == ir::AtomicOp::Sub ? Op::Sub
                 : aop == ir::AtomicOp::And ? Op::And : aop == ir::AtomicOp::Or ? Op::Or : Op::Xor;
    const bool want_old = !(in.dst == ir::kNoSlot || dead_temp(in.dst));
    const std::optional<int32_t> ib = imm32(in.b, t);
    if (!in_pool(in.a) || !(in_pool(in.b) || ib)) return false;
    if (!want_old && aop != ir::AtomicOp::Xchg) {
      const x86::Gp vb = in_pool(in.b) ? reg(in.b) : x86::Gp();
      const x86::Mem m = x86::ptr(reg(in.a), 0, nb);
      const uint32_t at = static_cast<uint32_t>(a_.offset());
      a_.lock();
      if (vb.isValid()) alu_insn(alu, m, sized(vb, t));
      else alu_insn(alu, m, Imm(*ib));
      recovery(at, static_cast<uint32_t>(a_.offset()));
      return true;
    }
    if (aop == ir::AtomicOp::Xchg || aop == ir::AtomicOp::Add || aop == ir::AtomicOp::Sub) {
      ld(x86::rax, in.b);
      const x86::Mem m = x86::ptr(reg(in.a), 0, nb);
      if (aop == ir::AtomicOp::Sub) a_.neg(x86::rax);
      const uint32_t at = static_cast<uint32_t>(a_.offset());
      if (aop == ir::AtomicOp::Xchg) a_.xchg(m, sized(x86::rax, t));  // (locked by itself)
      else a_.lock().xadd(m, sized(x86::rax, t));
      recovery(at, static_cast<uint32_t>(a_.offset()));
      if (t == Type::I8 || t == Type::I16) mask(x86::rax, t);  // (only al/ax were written)
      st(in.dst, x86::rax);
      return true;
    }
    // and/or/xor and the old value: a compare-and-swap loop on rax (old) and rcx (new).
    const x86::Gp vb = in_pool(in.b) ? reg(in.b) : x86::Gp();
    const x86::Mem m = x86::ptr(reg(in.a), 0, nb);
    const uint32_t at = static_cast<uint32_t>(a_.offset());
    a_.mov(sized(x86::rax, t), m);
    Label retry = a_.newLabel();
    a_.bind(retry);
    a_.mov(x86::rcx, x86::rax);
    if (vb.isValid()) alu_insn(alu, sized(x86::rcx, t), sized(vb, t));
    else alu_insn(alu, sized(x86::rcx, t), Imm(*ib));
    a_.lock().cmpxchg(m, sized(x86::rcx, t));
    a_.jne(retry);
    recovery(at, static_cast<uint32_t>(a_.offset()));
    if (t == Type::I8 || t == Type::I16) mask(x86::rax, t);
    st(in.dst, x86::rax);
    return true;
  }
  // bsf and bsr as the frontend writes them (zero = src == 0; idx = tzcnt src, or
  // lzcnt src ^ (width - 1); dst = zero ? dst : idx) become the host's own bsf/bsr on the
  // destination's register: same CPU, so a zero source leaves the register as the guest's
  // would (all 64 bits; Intel calls it undefined, AMD documents it, both do it). Their
  // flags are the SetCC the frontend writes next, as before.
  bool bit_scan(const Inst& in) {
    const Type t = in.type;
    const size_t i = static_cast<size_t>(cur_index_);
    if ((t != Type::I32 && t != Type::I64) || in.b != ir::kSlotZero || !cacheable(in.a) || is_const(in.a) ||
        !ir::is_temp(in.dst))
      return false;
    // The next instruction that is not a Const (Consts in between are noted as their own
    // lowering would: they only name immediates).
    size_t j = i;
    auto next = [&]() -> const Inst* {
      for (++j; j < b_.insts.size(); ++j) {
        const Inst& k = b_.insts[j];
        if (k.op != Op::Const || !ir::is_temp(k.dst) || !ir::is_int(k.type)) return &k;
        note_const(k);
      }
      return nullptr;
    };
    const Inst* cnt = next();
    if (!cnt) return false;
    const bool fwd = cnt->op == Op::Tzcnt;
    if ((!fwd && cnt->op != Op::Lzcnt) || cnt->a != in.a || cnt->type != t || !ir::is_temp(cnt->dst)) return false;
    Slot idx = cnt->dst;
    if (!fwd) {  // bsr: the lzcnt turned into an index by xor with width - 1
      const Inst* x = next();
      if (!x || x->op != Op::Xor || x->a != cnt->dst || x->type != t || !is_const(x->b) || !ir::is_temp(x->dst) ||
          consts_[x->b] != ir::type_bits(t) - 1u || last_use_[cnt->dst] != static_cast<int>(j))
        return false;
      idx = x->dst;
    }
    const Inst* selp = next();
    if (!selp) return false;
    const Inst& sel = *selp;
    if (sel.op != Op::Select || sel.c != in.dst || sel.b != idx || sel.a != sel.dst || sel.dst >= 16 ||
        (sel.type != Type::I64 && sel.type != t) || last_use_[in.dst] != static_cast<int>(j) ||
        last_use_[idx] != static_cast<int>(j))
      return false;
    if (!fusable_through(j)) return false;
    const x86::Gp src = reg(in.a);
    const int di = acquire(sel.dst, true);
    if (fwd) a_.bsf(sized(pool_[di], t), sized(src, t));
    else a_.bsr(sized(pool_[di], t), sized(src, t));
    dirty_[di] = true;
    skip_to_ = static_cast<int>(j);
    return true;
  }
  // A guest register slot that no register holds and that nothing after the instruction
  // being lowered reads soon (next_use's window): read once, from memory, it need not take
  // (and evict for) a register.
  bool read_once_from_memory(Slot s) const {
    return s < 16 && where(s) < 0 && next_use(s, cur_index_ + 1) == (1 << 30);
  }
  uint64_t insn_stamp_ = 0;  // clock_ when the instruction being lowered began
  void forget(Slot s) {
    int i = where(s);
    if (i >= 0 && !pinned(i)) { held_[i] = ir::kNoSlot; dirty_[i] = false; }
  }
  // Chained exits: dynamic dirty GPRs to memory (pinned ones travel in registers).
  void writeback_gprs() {
    sync_rsp();
    xflush();  // (and the dirty xmm copies: movs only, the flags survive)
    for (int i = kNumPinned; i < kPool; ++i)
      if (held_[i] != ir::kNoSlot && held_[i] < 16 && dirty_[i]) {
        a_.mov(S(held_[i]), pool_[i]);
        dirty_[i] = false;
      }
  }
  // ---- xmm copies of 16-byte slots (write-back) -----------------------------------------
  // Host xmm2..xmm15 hold copies of guest xmm registers and V128 temps within a block, so
  // a vector op reads its operands from registers and writes its result there only; a
  // written (dirty) copy goes to its slot when it must be there: at every exit
  // (writeback_gprs), before every call (xflush), before an op that reads or writes the
  // slot another way (the main loop), and when its register is taken for another copy.
  // A fault inside the block finds dirty copies through the recovery table, as it finds
  // dirty GPRs. The flag-evaluation thunks preserve xmm2..xmm15; any other call forgets
  // the copies (caller-saved), and a dirty one forgotten unflushed sends the block to the
  // conservative retranslation, which writes every copy through (xmm_lost_).
  Slot xheld_[kXmmCopies];  // (all kNoSlot from the constructor on)
  bool xdirty_[kXmmCopies] = {};
  bool xany_ = false;  // some register has held a copy since the last xclear (else nothing to scan)
  uint64_t xstamp_[kXmmCopies] = {};
  uint64_t xclock_ = 0;
  bool xmm_lost_ = false;
  bool write_back() const { return !conservative_; }
  void xstore(int i) {
    if (xheld_[i] != ir::kNoSlot && xdirty_[i]) a_.movdqu(S(xheld_[i]), xreg(i));
    xdirty_[i] = false;
  }
  // Every dirty copy to its slot (the copies stay, clean).
  void xflush() {
    if (!xany_) return;
    for (int i = 0; i < kXmmCopies; ++i) xstore(i);
  }
  // The dirty copies an op that is not xmm_cache_aware() may read or write in memory: its
  // operand and result slots (either half of a 16-byte slot); every one for vector ops
  // (which may name xmm slots in other ways).
  void xflush_for(const Inst& in) {
    if (!xany_) return;
    const bool vec = in.op == Op::Vec || in.op == Op::VecToInt || in.op == Op::VecFlags || in.op == Op::IntToVec ||
                     in.type == Type::V128;
    for (int i = 0; i < kXmmCopies; ++i) {
      if (!xdirty_[i]) continue;
      const Slot h = xheld_[i];
      auto names = [&](Slot x) { return x != ir::kNoSlot && (x == h || x == h + 1); };
      if (vec || names(in.a) || names(in.b) || names(in.c) || names(in.dst) ||
          (in.dst != ir::kNoSlot && ir::has(in.op, ir::prop::R2) && names(static_cast<Slot>(in.dst + 1))))
        xstore(i);
    }
  }
  static x86::Xmm xreg(int i) { return x86::xmm(static_cast<uint32_t>(2 + i)); }
  int xwhere(Slot s) const {
    if (!xany_) return -1;
    for (int i = 0; i < kXmmCopies; ++i)
      if (xheld_[i] == s) return i;
    return -1;
  }
  void xforget(Slot s) {
    const int i = xwhere(s);
    if (i < 0) return;
    if (xdirty_[i]) xmm_lost_ = true;  // (xflush_for should have stored it)
    xheld_[i] = ir::kNoSlot;
    xdirty_[i] = false;
  }
  void xclear() {
    for (int i = 0; i < kXmmCopies; ++i) {
      if (xdirty_[i] && xheld_[i] != ir::kNoSlot) xmm_lost_ = true;  // (a call without xflush first)
      xheld_[i] = ir::kNoSlot;
      xdirty_[i] = false;
    }
    xany_ = false;
  }
  // A register for slot s's copy (its own if it has one, else a free or the least recently
  // used one, never `keep`); its old copy is forgotten.
  int xslot_for(Slot s, int keep = -1) {
    int i = xwhere(s);
    if (i >= 0) return i;
    for (int k = 0; k < kXmmCopies; ++k) {
      if (k == keep) continue;
      if (xheld_[k] == ir::kNoSlot) { i = k; break; }
      if (i < 0 || xstamp_[k] < xstamp_[i]) i = k;
    }
    xstore(i);  // (the copy it held, if dirty)
    xheld_[i] = ir::kNoSlot;
    return i;
  }
  // Register i now holds slot s's copy (and was used just now).
  void xhold(int i, Slot s) {
    xheld_[i] = s;
    xany_ = true;
    xstamp_[i] = ++xclock_;
  }
  // The register holding a copy of slot s (loaded from the slot the first time).
  int xget(Slot s, int keep = -1) {
    int i = xwhere(s);
    if (i < 0) {
      i = xslot_for(s, keep);
      a_.movdqu(xreg(i), S(s));
    }
    xhold(i, s);
    return i;
  }
  // Slot s is written with r's value: in its copy (dirty), or through to the slot too.
  void xdef(Slot s, const x86::Xmm& r) {
    const int i = xslot_for(s);
    if (xreg(i) != r) a_.movdqa(xreg(i), r);
    xhold(i, s);
    xwritten(i);
  }
  // Register i holds slot xheld_[i]'s new value.
  void xwritten(int i) {
    if (write_back()) xdirty_[i] = true;
    else a_.movdqu(S(xheld_[i]), xreg(i));
  }
  // The ops whose lowering keeps the copies right itself.
  bool xmm_cache_aware(const Inst& in) const {
    if (in.type == Type::V128 && (in.op == Op::Mov || in.op == Op::Load || in.op == Op::Store)) return true;
    if (in.op != Op::Vec && in.op != Op::VecToInt && in.op != Op::VecFlags && in.op != Op::IntToVec) return false;
    const unsigned row = static_cast<unsigned>(in.aux) | static_cast<unsigned>(in.aux2) << 8;
    if (in.op == Op::Vec && native_vec(row).id) return true;
    // (and those that read their operands from the copies: xget)
    return row == ir::vec_id(ir::VecOp::MOVQ_TO_XMM) || row == ir::vec_id(ir::VecOp::MOVD_TO_XMM) ||
           row == ir::vec_id(ir::VecOp::MOVQ_FROM_XMM) || row == ir::vec_id(ir::VecOp::MOVD_FROM_XMM) ||
           row == ir::vec_id(ir::VecOp::PMOVMSKB) || row == ir::vec_id(ir::VecOp::PCMPISTRI) ||
           row == ir::vec_id(ir::VecOp::PCMPISTR_FLAGS) || row == ir::vec_id(ir::VecOp::PCMPISTRM);
  }

  // Before a call: the whole guest state the callee might read goes to memory and the
  // dynamic registers are given up. after_call reloads pinned registers (all of them when
  // the callee may have written guest registers, else only the caller-saved ones).
  void prepare_call() {
    sync_rsp();
    xflush();
    for (int i = 0; i < kPool; ++i) {
      if (held_[i] == ir::kNoSlot) continue;
      if (pinned(i)) { a_.mov(S(held_[i]), pool_[i]); continue; }
      if (dirty_[i] && (held_[i] < 16 || temp_live(held_[i]))) a_.mov(S(held_[i]), pool_[i]);
      dirty_[i] = false;
      held_[i] = ir::kNoSlot;
    }
  }
  void after_call(bool all) {
    for (int i = all ? 0 : kCalleeSaved; i < kNumPinned; ++i) a_.mov(pool_[i], S(held_[i]));
  }
  void release_dead_temps() {
    for (int i = kNumPinned; i < kPool; ++i)
      if (held_[i] != ir::kNoSlot && ir::is_temp(held_[i]) &&
          !(held_[i] < last_use_.size() && last_use_[held_[i]] > cur_index_)) {
        held_[i] = ir::kNoSlot;
        dirty_[i] = false;
      }
  }
  // ---- deferred guest rsp updates ---------------------------------------------------
  // Adding a constant to the guest rsp (push, pop, call, ret, `sub rsp, N` with dead
  // flags) emits nothing: the host register lags the guest rsp by rsp_lag_, and memory
  // operands based on rsp take the lag into their displacement. One flag-neutral lea
  // brings it up to date before anything else reads or writes rsp, and at every exit and
  // call. A fault meanwhile finds the lag in the recovery table.
  static constexpr Slot kRsp = 4;
  static constexpr int32_t kMaxRspLag = 1 << 20;
  int32_t rsp_lag_ = 0;
  void sync_rsp() {
    if (rsp_lag_ == 0) return;
    a_.lea(pool_[0], x86::ptr(pool_[0], rsp_lag_));  // (pool_[0]: the guest rsp's pinned register)
    // An address based on rsp waiting to be folded into the next memory operand has the
    // lag in its displacement: the register now holds it.
    if (folded_addr_ != ir::kNoSlot && (folded_.a == kRsp || folded_.b == kRsp))
      folded_.imm -= static_cast<uint64_t>(static_cast<int64_t>(rsp_lag_));
    rsp_lag_ = 0;
  }
  // Returns true when `in` (rsp += or -= a constant) was absorbed into the lag. Otherwise
  // `out` is what to lower: `in`, or a copy with the lag in its displacement (a load,
  // store or address based on rsp), after bringing rsp up to date if `in` needs it.
  bool defer_rsp(const Inst& in, Inst& copy, const Inst*& out) {
    out = &in;
    if ((in.op == Op::Add || in.op == Op::Sub) && in.type == Type::I64 && in.dst == kRsp && in.a == kRsp &&
        is_const(in.b)) {
      const int64_t c = static_cast<int64_t>(consts_[in.b]);
      const int64_t lag = static_cast<int64_t>(rsp_lag_) + (in.op == Op::Add ? c : -c);
      if (c > -kMaxRspLag && c < kMaxRspLag && lag > -kMaxRspLag && lag < kMaxRspLag) {
        rsp_lag_ = static_cast<int32_t>(lag);
        return true;
      }
    }
    if (rsp_lag_ == 0) return false;
    const ir::OpInfo& oi = ir::info(in.op);
    const Slot args[3] = {in.a, in.b, in.c};
    bool reads = false, based = false;
    for (unsigned k = 0; k < oi.nargs; ++k)
      if (args[k] == kRsp) (k == 0 ? based : reads) = true;
    const bool writes = in.dst == kRsp || (ir::has(in.op, ir::prop::R2) && in.dst + 1 == kRsp);
    const int64_t d = static_cast<int64_t>(in.imm) + rsp_lag_;
    if (!reads && !writes && based && d == static_cast<int32_t>(d) &&
        (in.op == Op::Load || in.op == Op::Store || (in.op == Op::Addr && in.type == Type::I64))) {
      copy = in;
      copy.imm = static_cast<uint64_t>(d);
      out = &copy;
      return false;
    }
    if (reads || writes || based) sync_rsp();
    return false;
  }

  // Records, for the host range [start, end), which dirty GPRs live in which registers.
  // A guest instruction's IR starts at instruction index i (a mark is there).
  bool marks_at(size_t i) const {
    auto it = std::lower_bound(b_.marks.begin(), b_.marks.end(), i,
                               [](const ir::InsnMark& mk, size_t v) { return mk.first_inst < v; });
    return it != b_.marks.end() && it->first_inst == i;
  }
  // Whether the instructions after the one being lowered, up to `last`, may be lowered
  // with it as one host sequence and skipped (skip_to_): none starts a guest instruction
  // (the pc map stays exact) and none names rsp, whose lag after pushes and pops only
  // defer_rsp settles, which a skipped instruction never reaches.
  bool fusable_through(size_t last) const {
    for (size_t k = static_cast<size_t>(cur_index_) + 1; k <= last; ++k) {
      if (k >= b_.insts.size() || marks_at(k)) return false;
      const Inst& u = b_.insts[k];
      const Slot args[3] = {u.a, u.b, u.c};
      if (u.dst == kRsp) return false;
      for (unsigned n = 0; n < ir::info(u.op).nargs; ++n)
        if (args[n] == kRsp) return false;
    }
    return true;
  }
  void recovery(uint32_t start, uint32_t end) {
    codecache::Recovery r{start, end, {}, rsp_lag_, ind_flags_pending_ && host_valid_ && !host_valid_no_cf_};
    for (int i = kNumPinned; i < kPool; ++i)
      if (held_[i] != ir::kNoSlot && held_[i] < 16 && dirty_[i])
        r.regs.emplace_back(static_cast<uint8_t>(pool_[i].id()), held_[i]);
    for (int i = 0; i < kXmmCopies; ++i)  // (16-byte slots: both halves)
      if (xheld_[i] != ir::kNoSlot && xdirty_[i])
        r.regs.emplace_back(static_cast<uint8_t>(codecache::kRecoveryXmm | xreg(i).id()), xheld_[i]);
    if (!r.regs.empty() || r.rsp_lag != 0 || r.flags_in_host) tb_.recovery.push_back(std::move(r));
  }

  // Const temps are not materialised unless something needs them in a register or in
  // memory (a helper): their uses take the value as an immediate.
  std::vector<uint64_t> consts_;
  std::vector<uint8_t> is_const_;
  bool is_const(Slot s) const { return ir::is_temp(s) && s < is_const_.size() && is_const_[s]; }
  // A Const into a temp emits nothing: its uses take the value as an immediate.
  void note_const(const Inst& c) {
    consts_[c.dst] = c.imm;
    is_const_[c.dst] = 1;
  }
  void materialise_consts_for_helper(const Inst& in) {
    const Slot args[3] = {in.a, in.b, in.c};
    for (unsigned k = 0; k < ir::info(in.op).nargs; ++k)
      if (is_const(args[k])) {
        a_.mov(x86::rax, consts_[args[k]]);
        a_.mov(S(args[k]), x86::rax);
      }
  }
  // Host register holding slot s (loaded if needed); s must be cacheable and not const.
  x86::Gp reg(Slot s) { return pool_[acquire(s, true)]; }

  // Loads a call argument without allocating a cache register (an allocation could pick
  // a caller-saved register the argument setup is about to overwrite).
  void ld_arg(const x86::Gp& r, Slot s) {
    if (s == ir::kSlotZero) { a_.mov(r.r32(), 0); return; }
    if (is_const(s)) { a_.mov(r.r64(), consts_[s]); return; }
    a_.mov(r.r64(), S(s));  // prepare_call has put every live value in memory
  }

  void ld(const x86::Gp& r, Slot s) {
    if (s == ir::kSlotZero) { a_.mov(r.r32(), 0); return; }  // mov, not xor: keeps host flags
    if (is_const(s)) { a_.mov(r.r64(), consts_[s]); return; }
    if (cacheable(s)) a_.mov(r.r64(), pool_[acquire(s, true)]);
    else a_.mov(r.r64(), S(s));
  }
  // Loads a slot read at width t, zero-extended into the 64-bit register.
  void ldz(const x86::Gp& r, Slot s, Type t) {
    if (s == ir::kSlotZero) { a_.mov(r.r32(), 0); return; }
    if (is_const(s)) { a_.mov(r.r64(), consts_[s] & ir::type_mask(t)); return; }
    if (cacheable(s)) {
      x86::Gp h = pool_[acquire(s, true)];
      switch (t) {
        case Type::I1:
          // An I1 temp holds 0 or 1 (every op masks its result to its type): no and,
          // which would clobber the host flags.
          if (ir::is_temp(s)) a_.movzx(r.r32(), h.r8());
          else { a_.mov(r.r32(), h.r32()); a_.and_(r.r32(), 1); }
          break;
        case Type::I8: a_.movzx(r.r32(), h.r8()); break;
        case Type::I16: a_.movzx(r.r32(), h.r16()); break;
        case Type::I32: a_.mov(r.r32(), h.r32()); break;
        default: a_.mov(r.r64(), h); break;
      }
      return;
    }
    switch (t) {
      case Type::I1: a_.movzx(r.r32(), S(s, 1)); a_.and_(r.r32(), 1); break;
      case Type::I8: a_.movzx(r.r32(), S(s, 1)); break;
      case Type::I16: a_.movzx(r.r32(), S(s, 2)); break;
      case Type::I32: a_.mov(r.r32(), S(s, 4)); break;
      default: a_.mov(r.r64(), S(s)); break;
    }
  }
  void st(Slot s, const x86::Gp& r) {
    if (cacheable(s)) {
      int i = acquire(s, false);
      a_.mov(pool_[i], r.r64());
      dirty_[i] = true;
    } else {
      a_.mov(S(s), r.r64());
    }
  }
  // d = s zero-extended from width t (I8..I64), register to register.
  void movz(const x86::Gp& d, const x86::Gp& s, Type t) {
    switch (t) {
      case Type::I8: a_.movzx(d.r32(), s.r8()); break;
      case Type::I16: a_.movzx(d.r32(), s.r16()); break;
      case Type::I32: a_.mov(d.r32(), s.r32()); break;
      default: if (d != s) a_.mov(d.r64(), s.r64()); break;
    }
  }
  // Directly into the destination's register: dst = (zero-extended) a, for a cacheable
  // destination and a cacheable, constant or zero source. False when not applicable.
  bool mov_direct(const Inst& in, Type w) {
    if (!cacheable(in.dst) || w == Type::I1 || !ir::is_int(w)) return false;
    if (is_const(in.a) || in.a == ir::kSlotZero) {
      uint64_t v = in.a == ir::kSlotZero ? 0 : consts_[in.a] & ir::type_mask(w);
      int di = acquire(in.dst, false);
      if (v <= 0xffffffffu) a_.mov(pool_[di].r32(), Imm(static_cast<uint32_t>(v)));  // mov, not xor: keeps host flags
      else a_.mov(pool_[di], Imm(v));
      dirty_[di] = true;
      return true;
    }
    if (!cacheable(in.a)) return false;
    if (in.a != in.dst && read_once_from_memory(in.a)) {
      const int di = acquire(in.dst, false);
      const x86::Gp d = pool_[di];
      switch (w) {
        case Type::I8: a_.movzx(d.r32(), S(in.a, 1)); break;
        case Type::I16: a_.movzx(d.r32(), S(in.a, 2)); break;
        case Type::I32: a_.mov(d.r32(), S(in.a, 4)); break;
        default: a_.mov(d.r64(), S(in.a)); break;
      }
      dirty_[di] = true;
      return true;
    }
    x86::Gp sreg = reg(in.a);
    int di = acquire(in.dst, false);  // the source, used last, is not the one evicted
    movz(pool_[di], sreg, w);
    dirty_[di] = true;
    return true;
  }

  // Zero-extends r from width t in place (the result-masking rule of the IR).
  void mask(const x86::Gp& r, Type t) {
    switch (t) {
      case Type::I1: a_.and_(r.r32(), 1); break;
      case Type::I8: a_.movzx(r.r32(), r.r8()); break;
      case Type::I16: a_.movzx(r.r32(), r.r16()); break;
      case Type::I32: a_.mov(r.r32(), r.r32()); break;
      default: break;
    }
  }
  void helper(const Inst& in) {
    // The helper may read or write any slot: everything goes to memory first, and every
    // pinned register is reloaded after the call (after_call(true)).
    if (mem_stale_ && ir::reads_flags(b_, static_cast<size_t>(cur_index_))) flags_lost_ = true;
    prepare_call();
    materialise_consts_for_helper(in);
    if (in.dst != ir::kNoSlot) {
      forget(in.dst);
      forget(static_cast<Slot>(in.dst + 1));
    }
    a_.mov(x86::rdi, kState);
    a_.mov(x86::rsi, reinterpret_cast<uint64_t>(&tb_.helper_insts.emplace_front(in)));  // (the translation's copy)
    a_.mov(x86::rdx, cur_pc_);
    a_.mov(x86::rax, reinterpret_cast<uint64_t>(&rt_exec_one));
    a_.call(x86::rax);
    xclear();  // (calls clobber host xmm registers)
    after_call(true);  // before the trap test: the exit trampoline stores pinned registers
    if (ir::has(in.op, ir::prop::TR)) {
      a_.test(x86::eax, x86::eax);
      a_.jnz(trap_exit_);
    }
    if (ir::has(in.op, ir::prop::F)) flags_ = {};
  }

  // The taken side of ExitBr/ExitIf: dynamic dirty GPRs to memory, then the jcc (fused
  // with its Cond, or a test of the condition's value) to a chainable stub for imm.
  void branch_exit(const Inst& in) {
    if (fused_cond_ == in.a && !deferred_.empty() && in.op == Op::ExitIf) {
      writeback_gprs();  // movs only: the flags survive
      TakenStores ts{a_.newLabel(), std::move(deferred_), in.imm};
      deferred_.clear();
      a_.long_().j(fused_cc_, ts.label);
      taken_stores_.push_back(std::move(ts));
      fused_cond_ = ir::kNoSlot;
      return;
    }
    if (!deferred_.empty()) {  // (not the fused side exit they were meant for: redo safely)
      flags_lost_ = true;
      deferred_.clear();
    }
    if (fused_cond_ == in.a) {
      writeback_gprs();  // movs only: the flags survive
      Stub taken{a_.newLabel(), in.imm, ir::ExitKind::Branch};
      a_.long_().j(fused_cc_, taken.label);
      chain_sites_.emplace_back(static_cast<uint32_t>(a_.offset() - 4), in.imm);
      stubs_.push_back(taken);
      fused_cond_ = ir::kNoSlot;
      return;
    }
    ld(x86::rax, in.a);
    writeback_gprs();
    a_.test(x86::al, 1);
    chain_jmp(in.imm, ir::ExitKind::Branch, true);
  }
  void chain_jmp(uint64_t target, ir::ExitKind kind, bool conditional) {
    Stub s{a_.newLabel(), target, kind};
    if (conditional) a_.long_().jnz(s.label);
    else a_.long_().jmp(s.label);
    chain_sites_.emplace_back(static_cast<uint32_t>(a_.offset() - 4), target);
    stubs_.push_back(s);
  }

  // Whether the flag producer being lowered must store its lazy flags: not when the only
  // readers are Conds before the next instruction that is not flag-neutral, past which
  // nothing reads these flags. Those Conds then read the host flags, which the
  // instructions between leave alone (checked on the host code emitted: if one did
  // clobber them, the block is translated again with every store kept).
  // (The retry, conservative_, trusts only a reader right after the producer.)
  bool flags_must_be_stored(bool may_defer = false) {
    const Op producer = b_.insts[static_cast<size_t>(cur_index_)].op;
    const bool no_cf = producer == Op::IncF || producer == Op::DecF;
    size_t j = static_cast<size_t>(cur_index_) + 1;
    for (; j < b_.insts.size(); ++j) {
      const Inst& u = b_.insts[j];
      if (u.op == Op::Cond || u.op == Op::GetCF) {  // (both read the host flags when valid)
        if (no_cf && (u.op == Op::GetCF || cc_uses_cf(u.aux))) return true;
        if (conservative_) { ++j; break; }
        continue;
      }
      if (conservative_ || !flag_neutral(u.op)) break;
    }
    if (j >= b_.insts.size()) return true;
    if (!ir::flags_read_from(b_, j)) {
      skip_at_ = cur_index_;
      return false;
    }
    // Read by nothing but the block's indirect exit, which hands them on in the host
    // flags (stored there only if its target is not one that defines them first). Only
    // for producers whose host instruction is the guest's own, so the host flags are
    // exactly the guest's; the exit checks that they survived (else: translated again).
    if (ind_exit_ok_ && !no_cf &&
        (producer == Op::AddF || producer == Op::SubF || producer == Op::AndF || producer == Op::OrF ||
         producer == Op::XorF) &&
        !ir::flags_read_before_exit(b_, j)) {
      skip_at_ = ind_skip_at_ = cur_index_;
      return false;
    }
    // Read only by the side exit right after its Cond (which fuses into the exit's jcc):
    // stored on the taken path alone (deferred_), when the fall-through path redefines
    // them before any reader.
    const size_t i = static_cast<size_t>(cur_index_);
    if (may_defer && !conservative_ && j == i + 2 && b_.insts[i + 1].op == Op::Cond && b_.insts[j].op == Op::ExitIf &&
        b_.insts[j].a == b_.insts[i + 1].dst && last_use_[b_.insts[i + 1].dst] == static_cast<int>(j) &&
        !ir::flags_read_from(b_, j + 1)) {
      defer_flags_ = true;
      skip_at_ = cur_index_;  // (the slots are stale on the fall-through path)
    }
    return true;
  }
  // IR ops whose lowering moves values without arithmetic (host flags survive).
  static bool flag_neutral(Op op) {
    if (g_test_alu_counts_as_neutral &&
        (op == Op::Add || op == Op::Sub || op == Op::And || op == Op::Or || op == Op::Xor))
      return true;
    switch (op) {
      case Op::Mov: case Op::Const: case Op::Load: case Op::Store: case Op::Zext: case Op::Sext:
      case Op::Addr: case Op::Merge8L: case Op::Merge8H: case Op::Merge16: case Op::Extract8H:
        return true;
      default:
        return false;
    }
  }
  // After lowering instruction `in` from host offset `start`: do the host flags still hold
  // the guest's? A producer that left them there says so (host_flags_at_); any other flag
  // writer, and any host instruction that writes a status flag or calls, ends it.
  void track_host_flags(const Inst& in, size_t start) {
    if (host_flags_at_ == cur_index_) {
      host_valid_ = true;
      host_valid_no_cf_ = host_flags_no_cf_;
      mem_stale_ = skip_at_ == cur_index_;
      ind_flags_pending_ = ind_skip_at_ == cur_index_;
      return;
    }
    if (ir::has(in.op, ir::prop::F)) {
      host_valid_ = false;
      mem_stale_ = false;  // it recorded its own flags (or the helper did)
      if (ind_skip_at_ == cur_index_) flags_lost_ = true;  // (skipped, yet not in the host flags)
      ind_flags_pending_ = false;
      return;
    }
    if (!host_valid_) return;
    static const ZydisDecoder dec = [] {
      ZydisDecoder d;
      ZydisDecoderInit(&d, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
      return d;
    }();
    const uint8_t* p = a_.bufferData() + start;
    const uint8_t* end = a_.bufferData() + a_.offset();
    constexpr ZydisAccessedFlagsMask kStatus = ZYDIS_CPUFLAG_CF | ZYDIS_CPUFLAG_PF | ZYDIS_CPUFLAG_AF |
                                               ZYDIS_CPUFLAG_ZF | ZYDIS_CPUFLAG_SF | ZYDIS_CPUFLAG_OF;
    while (p < end) {
      if (const size_t len = flag_neutral_length(p, static_cast<size_t>(end - p))) {  // (most of it)
        p += len;
        continue;
      }
      ZydisDecoderContext ctx;
      ZydisDecodedInstruction insn;
      if (!ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&dec, &ctx, p, static_cast<size_t>(end - p), &insn)) ||
          insn.mnemonic == ZYDIS_MNEMONIC_CALL ||
          (insn.cpu_flags && ((insn.cpu_flags->modified | insn.cpu_flags->set_0 | insn.cpu_flags->set_1 |
                               insn.cpu_flags->undefined) & kStatus))) {
        host_valid_ = false;
        return;
      }
      p += insn.length;
    }
  }
  // Host flags hold the guest flags of the last producer (but CF after inc/dec).
  bool host_valid_ = false, host_valid_no_cf_ = false;
  // The block ends in an indirect exit that may hand the flags on in the host flags; the
  // producer that left its flags to it (stores skipped); and whether that is still so.
  bool ind_exit_ok_ = false;
  int ind_skip_at_ = -1;
  bool ind_flags_pending_ = false;
  // A producer skipped its lazy-flag stores: the slots are stale until the next producer.
  bool mem_stale_ = false;
  int skip_at_ = -1;  // the producer that decided so

 public:
  // Translate with every lazy-flag store of the single-reader rule kept (the retry when
  // host flags did not survive where the stores were skipped).
  bool conservative_ = false;
  // Set when a Cond found neither host flags nor stored ones: the translation is redone.
  bool flags_lost_ = false;

 private:
  // The host flags hold the guest flags produced by the instruction at this index (only
  // ever the one just lowered: anything after may clobber them).
  int host_flags_at_ = -2;
  bool host_flags_no_cf_ = false;  // ... all but CF (inc/dec)
  static bool cc_uses_cf(unsigned cc) { return cc == 2 || cc == 3 || cc == 6 || cc == 7; }  // b ae be a

  // The host instruction of an IR add/sub/and/or/xor (flag-setting or not).
  template <typename X, typename Y>
  void alu_insn(Op op, const X& x, const Y& y) {
    switch (op) {
      case Op::Add: case Op::AddF: a_.add(x, y); break;
      case Op::Sub: case Op::SubF: a_.sub(x, y); break;
      case Op::And: case Op::AndF: a_.and_(x, y); break;
      case Op::Or: case Op::OrF: a_.or_(x, y); break;
      default: a_.xor_(x, y); break;
    }
  }
  // Before a flag-setting add/sub whose flags must be recorded: its operands are its lazy
  // flags (b a register or an imm32).
  template <typename B>
  void record_operands(Op op, const x86::Gp& a, const B& b) {
    if (op != Op::AddF && op != Op::SubF) return;
    lazy_store(ir::kSlotCcSrc1 * 8, a.r64());
    if constexpr (std::is_same_v<B, Imm>) lazy_store(ir::kSlotCcSrc2 * 8, b);
    else lazy_store(ir::kSlotCcSrc2 * 8, b.r64());
  }
  // After the host instruction of a flag-setting add/sub/and/or/xor at width t: the host
  // flags are the guest's. Records the rest of the lazy flags when someone else reads them
  // (a logic op's result r; the kind) and what is known of them.
  void record_alu_flags(Op op, Type t, const x86::Gp& r, bool store) {
    const ir::CcKind k = op == Op::AddF ? ir::CcKind::Add : op == Op::SubF ? ir::CcKind::Sub : ir::CcKind::Logic;
    if (store) {
      if (k == ir::CcKind::Logic) lazy_store(ir::kSlotCcDst * 8, r.r64());
      lazy_store(ir::kSlotCcOp * 8, Imm(static_cast<int32_t>(ir::cc_op(k, t))));
    }
    flags_ = {k == ir::CcKind::Add ? FlagsKnown::Add : k == ir::CcKind::Sub ? FlagsKnown::Sub : FlagsKnown::Logic, t};
    host_flags_at_ = cur_index_;
    host_flags_no_cf_ = false;
  }

  // 8/16-bit dst = a OP b: zero-extend a into the result register, then the op at its
  // own width (exact host flags; the bits above stay zero, as the IR wants).
  // An 8/16-bit op whose result only goes back into the register it read (the next
  // instruction merges it into the low byte/word of in.a): it can run there in place.
  bool merges_back(const Inst& in) const {
    const size_t nx = static_cast<size_t>(cur_index_) + 1;
    const Type t = in.type;
    return (t == Type::I8 || t == Type::I16) && ir::is_temp(in.dst) && in.a < 16 && cacheable(in.a) &&
           nx < b_.insts.size() && b_.insts[nx].op == (t == Type::I16 ? Op::Merge16 : Op::Merge8L) &&
           b_.insts[nx].dst == in.a && b_.insts[nx].a == in.a && b_.insts[nx].b == in.dst &&
           in.dst < last_use_.size() && last_use_[in.dst] == static_cast<int>(nx);
  }
  // The host shift or rotate of an IR Shl/Shr/Sar/Rol/Ror, by an immediate or cl.
  template <typename Count>
  void shift_insn(Op op, const x86::Gp& r, const Count& n) {
    switch (op) {
      case Op::Shl: a_.shl(r, n); break;
      case Op::Shr: a_.shr(r, n); break;
      case Op::Sar: a_.sar(r, n); break;
      case Op::Rol: a_.rol(r, n); break;
      default: a_.ror(r, n); break;
    }
  }
  // Shift or rotate by a constant, in place (merges_back): the host instruction on the
  // low byte/word masks and wraps the count as the guest's does.
  bool narrow_shift_in_place(const Inst& in) {
    if (!is_const(in.b) || !merges_back(in)) return false;
    const unsigned n = static_cast<unsigned>(consts_[in.b] & 31);
    if (n) {  // (by 0: the register keeps its value, nothing to emit)
      const int ai = acquire(in.a, true);
      shift_insn(in.op, sized(pool_[ai], in.type), Imm(n));
      dirty_[ai] = true;
    }
    skip_to_ = cur_index_ + 1;  // the merge is done
    return true;
  }

  void alu_narrow(const Inst& in) {
    const Type t = in.type;
    const bool f = ir::has(in.op, ir::prop::F);
    const bool store = f && flags_must_be_stored();
    x86::Gp ra = reg(in.a);
    const bool bconst = is_const(in.b);
    const int32_t bimm = bconst ? (t == Type::I8 ? static_cast<int8_t>(consts_[in.b]) : static_cast<int16_t>(consts_[in.b])) : 0;
    x86::Gp rb;
    if (!bconst) rb = reg(in.b);
    if (store) {
      if (bconst) record_operands(in.op, ra, Imm(bimm));
      else record_operands(in.op, ra, rb);
    }
    // `op r16, x` / `op r8, x` written back into the register it read (the next instruction
    // merges the result into in.a, and nothing else reads it): the host op in place on the
    // register's low word or byte. cmp/test (a result nothing reads): straight on it too.
    const size_t nx = static_cast<size_t>(cur_index_) + 1;
    const bool merge_back = merges_back(in);
    const bool flags_only = in.dst == ir::kNoSlot || dead_temp(in.dst);
    if (merge_back || (flags_only && (in.op == Op::SubF || (in.op == Op::AndF && !store)))) {
      if (merge_back) {
        if (bconst) alu_insn(in.op, sized(ra, t), Imm(bimm));
        else alu_insn(in.op, sized(ra, t), sized(rb, t));
        dirty_[acquire(in.a, true)] = true;  // (ra's register: still cached, so no code)
        skip_to_ = static_cast<int>(nx);  // the merge is done
      } else if (in.op == Op::SubF) {
        if (bconst) a_.cmp(sized(ra, t), Imm(bimm)); else a_.cmp(sized(ra, t), sized(rb, t));
      } else {
        if (bconst) a_.test(sized(ra, t), Imm(bimm)); else a_.test(sized(ra, t), sized(rb, t));
      }
      if (f) {
        // A logic op's lazy flags are its result at its width, zero-extended (ra holds the
        // whole register).
        const bool logic = in.op != Op::AddF && in.op != Op::SubF;
        if (store && logic) a_.movzx(x86::eax, sized(ra, t));  // (the flags survive)
        record_alu_flags(in.op, t, store && logic ? x86::Gp(x86::rax) : ra, store);
      }
      return;
    }
    int di = -1;
    x86::Gp r = x86::rax;
    if (in.dst != ir::kNoSlot && !dead_temp(in.dst)) {
      di = acquire(in.dst, false);
      if (bconst || pool_[di] != rb) r = pool_[di];  // else compute in rax (d would clobber b)
    }
    if (t == Type::I8) a_.movzx(r.r32(), ra.r8());
    else a_.movzx(r.r32(), ra.r16());
    if (bconst) alu_insn(in.op, sized(r, t), Imm(bimm));
    else alu_insn(in.op, sized(r, t), sized(rb, t));
    if (di >= 0) {
      if (r != pool_[di]) a_.mov(pool_[di], r);  // flags survive the mov
      dirty_[di] = true;
    }
    if (f) record_alu_flags(in.op, t, r, store);
  }

  // Looks rax (a guest pc) up in the indirect-branch table: jumps to `miss` unless found;
  // returns the memory operand holding the host address. Uses rcx (and rdx when the table
  // is not addressable with a 32-bit immediate).
  const bool bmi2_ = use_bmi2();
  // idx = codecache::ib_index(pc) * 4: the entry's first word, in qwords (entries are two
  // {pc, host} pairs, 32 bytes). Writes no flags with BMI2 (rorx, lea, movzx, lea).
  void ib_hash(const x86::Gp& idx, const x86::Gp& pc) {
    static_assert(codecache::kIbBits == 16, "the probe's hash is 16 bits");
    if (bmi2_) {
      a_.rorx(idx.r32(), pc.r32(), codecache::kIbBits);  // (rotated: the same low half as >> 16)
      a_.lea(idx.r32(), x86::ptr(idx.r64(), pc.r64()));
    } else {
      a_.mov(idx.r32(), pc.r32());
      a_.shr(idx.r32(), codecache::kIbBits);
      a_.add(idx.r32(), pc.r32());
    }
    a_.movzx(idx.r32(), idx.r16());
    a_.lea(idx.r32(), x86::ptr(0, idx.r64(), 2));
  }
  // The host flags (the guest's status flags, as their producer left them) into the
  // lazy-flag slots as Eager, through tmp.
  void store_host_flags_eager(const x86::Gp& tmp) {
    a_.pushfq();
    a_.pop(tmp);
    a_.mov(S(ir::kSlotCcDst), tmp);  // (Eager: readers mask the status bits)
    a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(ir::CcKind::Eager, Type::I64))));
  }
  // A guest call through the table: a host call to the translation at `host` with the
  // guest return address pushed beside the host one (as direct_call), or, past the
  // return-address stack's limit, a plain jump there.
  void call_or_jump(const x86::Mem& host, uint64_t ret) {
    Label plain = a_.newLabel();
    a_.mov(x86::rdx, host);  // (before the push, which may use rcx, the probe's index)
    a_.cmp(x86::rsp, x86::qword_ptr(kState, kRasLimitOff));
    a_.jbe(plain);
    push_imm64(ret);
    a_.call(x86::rdx);
    xclear();  // (calls clobber host xmm registers)
    chain_jmp(ret, ir::ExitKind::Jump, false);
    a_.bind(plain);
    a_.jmp(x86::rdx);
  }
  x86::Mem ib_probe(const Label& miss, const x86::Gp& pc = x86::rax) {
    ib_hash(x86::rcx, pc);
    const uint64_t table = reinterpret_cast<uint64_t>(ib_);
    if (table + codecache::kIbEntries * 32 < 0x7fff0000u) {
      a_.cmp(pc.r64(), x86::qword_ptr(table, x86::rcx, 3));
      a_.jne(miss);
      return x86::qword_ptr(table + 8, x86::rcx, 3);
    }
    a_.mov(x86::rdx, table);
    a_.cmp(pc.r64(), x86::qword_ptr(x86::rdx, x86::rcx, 3));
    a_.jne(miss);
    return x86::qword_ptr(x86::rdx, x86::rcx, 3, 8);
  }

  // Instructions already lowered as part of an earlier one (up to this index).
  int skip_to_ = -1;
  // `add [mem], x`-style read-modify-write without flags: Addr t; Load v = [t]; (Consts);
  // OP r = v, b; Store [t], r  -> one host `op [m], b`. Only within one guest instruction,
  // with v and r used once and t by the load and store only.
  bool rmw(const Inst& ad) {
    const size_t i = static_cast<size_t>(cur_index_);
    const auto& I = b_.insts;
    if (!ir::is_temp(ad.dst) || is_const(ad.a) || is_const(ad.b) || ad.imm != static_cast<uint64_t>(static_cast<int32_t>(ad.imm)))
      return false;
    size_t j = i + 1;
    if (j >= I.size() || I[j].op != Op::Load || I[j].a != ad.dst || !ir::is_int(I[j].type) || I[j].type == Type::I1) return false;
    const Inst& ld = I[j];
    const Type t = ld.type;
    size_t k = j + 1;
    while (k < I.size() && I[k].op == Op::Const && ir::is_temp(I[k].dst) && I[k].type != Type::V128) ++k;
    if (k + 1 >= I.size()) return false;
    const Inst& op = I[k];
    const Inst& stq = I[k + 1];
    if (op.op != Op::Add && op.op != Op::Sub && op.op != Op::And && op.op != Op::Or && op.op != Op::Xor) return false;
    if (op.type != t || op.a != ld.dst || op.b == ld.dst || !ir::is_temp(op.dst)) return false;
    if (stq.op != Op::Store || stq.type != t || stq.a != ad.dst || stq.b != op.dst || stq.imm != ld.imm) return false;
    const int ki = static_cast<int>(k);
    if (last_use_[ld.dst] != ki || last_use_[op.dst] != ki + 1 || last_use_[ad.dst] != ki + 1) return false;
    for (const auto& mk : b_.marks)
      if (mk.first_inst > i && mk.first_inst <= k + 1) return false;  // another guest instruction
    const int64_t disp = static_cast<int64_t>(ad.imm) + static_cast<int64_t>(ld.imm);
    if (disp != static_cast<int32_t>(disp)) return false;
    // The operand: an immediate (the Consts in between are ours to record) or a register.
    for (size_t c = j + 1; c < k; ++c) {
      consts_[I[c].dst] = I[c].imm;
      is_const_[I[c].dst] = 1;
    }
    const bool bconst = is_const(op.b);
    int64_t bimm = 0;
    if (bconst) {
      bimm = static_cast<int64_t>(consts_[op.b]);
      if (t == Type::I8) bimm = static_cast<int8_t>(bimm);
      else if (t == Type::I16) bimm = static_cast<int16_t>(bimm);
      else if (t == Type::I32) bimm = static_cast<int32_t>(bimm);
      else if (bimm != static_cast<int32_t>(bimm)) return false;
    } else if (!cacheable(op.b) || op.b == ad.a || op.b == ad.b) {
      return false;
    }
    x86::Gp rb;
    if (!bconst && op.b == kRsp) sync_rsp();  // (its register must hold the guest rsp; ad.a is not rsp here)
    if (!bconst) rb = reg(op.b);  // first: the address registers come after (and stay)
    folded_ = ad;
    for (Slot o : {ad.a, ad.b})
      if (ir::is_temp(o) && o < last_use_.size()) last_use_[o] = std::max(last_use_[o], ki + 1);
    x86::Mem m = folded_mem(ld.imm, bytes_of(t));
    if (!bconst && where(op.b) < 0) {  // evicted by the address: it was spilled
      a_.mov(x86::rcx, S(op.b));
      rb = x86::rcx;
    }
    const uint32_t at = static_cast<uint32_t>(a_.offset());
    if (bconst) alu_insn(op.op, m, Imm(bimm));
    else alu_insn(op.op, m, sized(rb, t));
    recovery(at, static_cast<uint32_t>(a_.offset()));
    skip_to_ = ki + 1;
    return true;
  }

  // Pushes a 64-bit guest address on the host stack (rax is free at exits).
  void push_imm64(uint64_t v) {
    if (v == static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v)))) {
      a_.push(Imm(static_cast<int32_t>(v)));
    } else {
      a_.mov(x86::rcx, v);
      a_.push(x86::rcx);
    }
  }
  // A guest call to a known target (after the exit's writeback): a host call into the
  // target with the guest return address pushed beside the host one, so the guest's ret
  // comes back here as a host ret and goes on to the return site. Past the
  // return-address stack's limit: an ordinary exit.
  void direct_call(uint64_t target, uint64_t ret) {
    Stub deep{a_.newLabel(), target, ir::ExitKind::Call};
    stubs_.push_back(deep);
    a_.cmp(x86::rsp, x86::qword_ptr(kState, kRasLimitOff));
    a_.jbe(deep.label);
    push_imm64(ret);
    chain_call(target);
    chain_jmp(ret, ir::ExitKind::Jump, false);
  }
  // A host call whose rel32 is a chain site (to the target's translation once there is
  // one; to an exit stub until then).
  void chain_call(uint64_t target) {
    Stub s{a_.newLabel(), target, ir::ExitKind::Call};
    a_.call(s.label);
    xclear();  // (calls clobber host xmm registers)
    chain_sites_.emplace_back(static_cast<uint32_t>(a_.offset() - 4), target);
    stubs_.push_back(s);
  }

  // dst = a OP b directly on host registers (i32/i64), in place in the destination's
  // register where the operands allow. Flag-setting forms leave the guest flags in the host
  // flags and record the lazy flags exactly as the interpreter does (unless nothing reads
  // them but the next Cond).
  void alu_fast(const Inst& in) {
    const Type t = in.type;
    const bool f = ir::has(in.op, ir::prop::F);
    // (Deferred stores name host registers: only where the op writes none of them.)
    const bool store = f && flags_must_be_stored(in.dst == ir::kNoSlot || dead_temp(in.dst));
    const bool cmp_only = in.dst == ir::kNoSlot || dead_temp(in.dst);
    bool bconst = is_const(in.b);
    int64_t bimm = bconst ? static_cast<int64_t>(consts_[in.b]) : 0;
    if (bconst && t == Type::I32) bimm = static_cast<int32_t>(static_cast<uint32_t>(bimm));
    bool bimm_ok = bconst && bimm == static_cast<int32_t>(bimm);
    // An operand read only here (a guest register no host register holds) is used from
    // its slot: b of any of these ops, a of a cmp. Not when the lazy flags record them.
    const bool amem = !store && cmp_only && in.op == Op::SubF && in.a != in.b && read_once_from_memory(in.a);
    const bool bmem = !store && !bconst && in.b != in.a && !amem && read_once_from_memory(in.b);
    if (amem) {
      const x86::Mem ma = S(in.a, bytes_of(t));
      if (bimm_ok) a_.cmp(ma, Imm(bimm));
      else if (bconst) { a_.mov(x86::rcx, consts_[in.b]); a_.cmp(ma, sized(x86::rcx, t)); }
      else a_.cmp(ma, sized(reg(in.b), t));
      record_alu_flags(in.op, t, x86::rax, false);
      return;
    }
    x86::Gp ra = reg(in.a);
    x86::Gp rb;
    if (bmem) {}
    else if (!bconst) rb = reg(in.b);
    else if (!bimm_ok) { a_.mov(x86::rcx, consts_[in.b]); rb = x86::rcx; }
    const x86::Mem mb = S(in.b, bytes_of(t));
    if (store) {
      if (bimm_ok) record_operands(in.op, ra, Imm(static_cast<int32_t>(bimm)));
      else record_operands(in.op, ra, rb);
    }
    auto emit_op = [&](const x86::Gp& r, Op op) {
      if (bimm_ok) alu_insn(op, sized(r, t), Imm(bimm));
      else if (bmem) alu_insn(op, sized(r, t), mb);
      else alu_insn(op, sized(r, t), sized(rb, t));
    };
    x86::Gp r = x86::rax;  // where the result ends up
    if (in.dst == ir::kNoSlot || dead_temp(in.dst)) {
      // cmp / test: only the flags are wanted.
      if (in.op == Op::SubF) {  // (a Sub's lazy flags are its operands, stored above)
        if (bimm_ok) a_.cmp(sized(ra, t), Imm(bimm));
        else if (bmem) a_.cmp(sized(ra, t), mb);
        else a_.cmp(sized(ra, t), sized(rb, t));
      } else if (!store && in.op == Op::AndF) {
        if (bimm_ok) a_.test(sized(ra, t), Imm(bimm));
        else if (bmem) a_.test(mb, sized(ra, t));
        else a_.test(sized(ra, t), sized(rb, t));
      } else if (in.op == Op::AndF && !bimm_ok && !bmem && rb == ra) {
        // test r, r: the result is r itself (Logic readers look at its low `t` bits only).
        a_.test(sized(ra, t), sized(ra, t));
        r = ra;
      } else {
        a_.mov(sized(x86::rax, t), sized(ra, t));
        emit_op(x86::rax, in.op);
      }
    } else {
      int di = acquire(in.dst, false);
      x86::Gp d = pool_[di];
      const bool commutative = in.op != Op::Sub && in.op != Op::SubF;
      if (!bimm_ok && !bmem && d == rb && d != ra) {
        if (commutative) {
          alu_insn(in.op, sized(d, t), sized(ra, t));  // d = b OP a: the same value and flags
        } else {
          a_.mov(sized(x86::rax, t), sized(ra, t));
          emit_op(x86::rax, in.op);
          a_.mov(d, x86::rax);  // flags survive the mov
        }
      } else {
        if (d != ra) a_.mov(sized(d, t), sized(ra, t));
        emit_op(d, in.op);  // at 32 bits the op itself zero-extends
      }
      dirty_[di] = true;
      r = d;
    }
    if (f) record_alu_flags(in.op, t, r, store);
  }

  // Sets the host flags so that host condition (returned) equals the guest condition cc.
  x86::CondCode cond_flags(unsigned cc) {
    if (host_valid_ && !(host_valid_no_cf_ && cc_uses_cf(cc)))
      return static_cast<x86::CondCode>(cc);  // produced by the last producer, still there
    if (mem_stale_) flags_lost_ = true;  // neither here nor stored: translate again
    const bool result_cc = cc == 4 || cc == 5 || cc == 8 || cc == 9 || cc == 10 || cc == 11;  // e ne s ns p np
    if (flags_.kind == FlagsKnown::Eager) {
      eager_to_host(cc);
      return static_cast<x86::CondCode>(cc);
    }
    if (flags_.kind == FlagsKnown::Unknown || (flags_.kind == FlagsKnown::ResultOnly && !result_cc)) {
      // The producer is in another block: check the commonest lazy kinds at run time and
      // redo them on the host; anything else goes through the thunk.
      Label join = a_.newLabel(), slow = a_.newLabel();
      const struct { ir::CcKind k; Type w; } fast[] = {
          {ir::CcKind::Sub, Type::I32}, {ir::CcKind::Sub, Type::I64}, {ir::CcKind::Logic, Type::I32}, {ir::CcKind::Logic, Type::I64},
          {ir::CcKind::Sub, Type::I8}, {ir::CcKind::Sub, Type::I16}, {ir::CcKind::Mul, Type::I64}, {ir::CcKind::Mul, Type::I32},
          {ir::CcKind::Dec, Type::I32}, {ir::CcKind::Dec, Type::I64}, {ir::CcKind::Inc, Type::I32}, {ir::CcKind::Inc, Type::I64},
          {ir::CcKind::Add, Type::I32}, {ir::CcKind::Add, Type::I64}};
      a_.mov(x86::rax, S(ir::kSlotCcOp));
      for (const auto& f : fast) {
        const bool incdec = f.k == ir::CcKind::Inc || f.k == ir::CcKind::Dec;
        if (incdec && cc_uses_cf(cc)) continue;  // their CF is the one they kept: the thunk's
        if (f.k == ir::CcKind::Mul && cc > 3) continue;  // o no b ae only (CF = OF = src1)
        Label next = a_.newLabel();
        a_.cmp(x86::eax, static_cast<uint32_t>(ir::cc_op(f.k, f.w)));
        a_.jne(next);
        if (f.k == ir::CcKind::Mul) {
          // Overflow (and carry) is src1 != 0.
          a_.cmp(S(ir::kSlotCcSrc1), 0);
          a_.set((cc & 1) ? x86::CondCode::kE : x86::CondCode::kNE, x86::al);
          a_.movzx(x86::eax, x86::al);
          a_.jmp(join);
          a_.bind(next);
          continue;
        }
        if (f.k == ir::CcKind::Sub) {
          a_.mov(sized(x86::rax, f.w), S(ir::kSlotCcSrc1, bytes_of(f.w)));
          a_.cmp(sized(x86::rax, f.w), S(ir::kSlotCcSrc2, bytes_of(f.w)));
        } else if (f.k == ir::CcKind::Add) {
          a_.mov(sized(x86::rax, f.w), S(ir::kSlotCcSrc1, bytes_of(f.w)));
          a_.add(sized(x86::rax, f.w), S(ir::kSlotCcSrc2, bytes_of(f.w)));
        } else if (incdec) {
          // Redone on the recorded input: every flag but CF, as the guest had them.
          a_.mov(sized(x86::rax, f.w), S(ir::kSlotCcSrc1, bytes_of(f.w)));
          if (f.k == ir::CcKind::Inc) a_.inc(sized(x86::rax, f.w));
          else a_.dec(sized(x86::rax, f.w));
        } else {
          a_.mov(sized(x86::rax, f.w), S(ir::kSlotCcDst, bytes_of(f.w)));
          a_.test(sized(x86::rax, f.w), sized(x86::rax, f.w));
        }
        a_.set(static_cast<x86::CondCode>(cc), x86::al);
        a_.movzx(x86::eax, x86::al);
        a_.jmp(join);
        a_.bind(next);
      }
      {  // Eager (bt, bts, btr, btc)
        Label next = a_.newLabel();
        a_.cmp(x86::eax, static_cast<uint32_t>(ir::cc_op(ir::CcKind::Eager, Type::I64)));
        a_.jne(next);
        eager_to_host(cc);
        a_.set(static_cast<x86::CondCode>(cc), x86::al);
        a_.movzx(x86::eax, x86::al);
        a_.jmp(join);
        a_.bind(next);
      }
      a_.bind(slow);
      a_.mov(x86::eax, cc);
      a_.call(reinterpret_cast<uint64_t>(cond_thunk_));  // (preserves xmm2..xmm15)
      a_.bind(join);
      a_.test(x86::eax, x86::eax);
      return x86::CondCode::kNE;
    }
    const Type w = flags_.type;
    const unsigned nb = bytes_of(w);
    if (flags_.kind == FlagsKnown::Logic || flags_.kind == FlagsKnown::ResultOnly) {
      a_.mov(sized(x86::rax, w), S(ir::kSlotCcDst, nb));
      a_.test(sized(x86::rax, w), sized(x86::rax, w));
    } else {
      a_.mov(sized(x86::rax, w), S(ir::kSlotCcSrc1, nb));
      if (flags_.kind == FlagsKnown::Sub) a_.cmp(sized(x86::rax, w), S(ir::kSlotCcSrc2, nb));
      else a_.add(sized(x86::rax, w), S(ir::kSlotCcSrc2, nb));
    }
    return static_cast<x86::CondCode>(cc);
  }
  // An Addr folded into the next load/store's memory operand.
  Slot folded_addr_ = ir::kNoSlot;
  Inst folded_{};
  x86::Mem folded_mem(uint64_t extra, unsigned bytes) {
    const Inst& ad = folded_;
    folded_addr_ = ir::kNoSlot;
    int32_t disp = static_cast<int32_t>(ad.imm + extra);
    // Base and index straight from their host registers (loaded if not cached yet).
    x86::Gp base, index;
    bool has_base = ad.a != ir::kSlotZero, has_index = ad.b != ir::kSlotZero;
    if (has_base) {
      if (cacheable(ad.a)) base = reg(ad.a);
      else { ld(x86::rcx, ad.a); base = x86::rcx; }
    }
    if (has_index) {
      if (cacheable(ad.b)) index = reg(ad.b);
      else { ld(x86::rdx, ad.b); index = x86::rdx; }
    }
    if (has_base && has_index) return x86::ptr(base, index, ad.aux, disp, bytes);
    if (has_base) return x86::ptr(base, disp, bytes);
    if (has_index) return x86::ptr(static_cast<uint64_t>(static_cast<int64_t>(disp)), index, ad.aux, bytes);
    return x86::ptr(static_cast<uint64_t>(static_cast<int64_t>(disp)), bytes);
  }

  // eax = the current CF (0/1): from the known producer where there is one, else the
  // register-preserving thunk. Uses rax only.
  // Host flags = the Eager flags in cc_dst, for host condition cc: CF alone by bt, the
  // rest through popfq of the status bits (no TF, DF or AC: those stay clear).
  void eager_to_host(unsigned cc) {
    if (cc == 2 || cc == 3) {
      a_.bt(x86::dword_ptr(kState, ir::kSlotCcDst * 8), 0);
      return;
    }
    a_.mov(x86::rax, S(ir::kSlotCcDst));
    a_.and_(x86::eax, static_cast<uint32_t>(ir::rflags::kStatus));
    a_.push(x86::rax);
    a_.popfq();
  }
  void cf_into_eax() {
    const Type w = flags_.type;
    if (host_valid_ && !host_valid_no_cf_) {
      a_.setc(x86::al);
      a_.movzx(x86::eax, x86::al);
      return;
    }
    if (mem_stale_) flags_lost_ = true;
    if (flags_.kind == FlagsKnown::Eager) {
      a_.mov(x86::eax, x86::dword_ptr(kState, ir::kSlotCcDst * 8));
      a_.and_(x86::eax, 1);
      return;
    }
    if (flags_.kind == FlagsKnown::Logic) {
      a_.xor_(x86::eax, x86::eax);
      return;
    }
    if (flags_.kind == FlagsKnown::ResultOnly && flags_.shift != Op::Const) {
      // CF of a shift by a known count: the host's shift of the recorded input.
      a_.mov(sized(x86::rax, w), S(ir::kSlotCcSrc1, bytes_of(w)));
      if (flags_.shift == Op::ShlF) a_.shl(sized(x86::rax, w), flags_.count);
      else if (flags_.shift == Op::ShrF) a_.shr(sized(x86::rax, w), flags_.count);
      else a_.sar(sized(x86::rax, w), flags_.count);
    } else if (flags_.kind == FlagsKnown::Sub || flags_.kind == FlagsKnown::Add) {
      a_.mov(sized(x86::rax, w), S(ir::kSlotCcSrc1, bytes_of(w)));
      if (flags_.kind == FlagsKnown::Sub) a_.cmp(sized(x86::rax, w), S(ir::kSlotCcSrc2, bytes_of(w)));
      else a_.add(sized(x86::rax, w), S(ir::kSlotCcSrc2, bytes_of(w)));
    } else {
      a_.call(reinterpret_cast<uint64_t>(getcf_thunk_));  // (preserves xmm2..xmm15)
      return;
    }
    a_.setc(x86::al);
    a_.movzx(x86::eax, x86::al);
  }

  // A Cond whose only use is the next instruction (exitbr or select) leaves its answer in
  // the host flags instead of a register.
  Slot fused_cond_ = ir::kNoSlot;
  x86::CondCode fused_cc_ = x86::CondCode::kNE;

  bool lower(const Inst& in) {
    const Type t = in.type;
    switch (in.op) {
      case Op::Const:
        if (t == Type::V128) {
          if (ir::is_temp(in.dst)) { forget(in.dst); forget(static_cast<Slot>(in.dst + 1)); }
          a_.mov(x86::rax, in.imm);
          a_.mov(S(in.dst), x86::rax);
          a_.mov(x86::rax, in.imm2);
          a_.mov(S(static_cast<Slot>(in.dst + 1)), x86::rax);
          return true;
        }
        if (ir::is_temp(in.dst)) {
          note_const(in);
          return true;
        }
        if (cacheable(in.dst)) {
          int di = acquire(in.dst, false);
          if (in.imm <= 0xffffffffu) a_.mov(pool_[di].r32(), Imm(static_cast<uint32_t>(in.imm)));
          else a_.mov(pool_[di], Imm(in.imm));
          dirty_[di] = true;
          return true;
        }
        a_.mov(x86::rax, in.imm);
        st(in.dst, x86::rax);
        return true;
      case Op::Mov:
        if (t == Type::V128) {
          const int ai = xget(in.a);
          xdef(in.dst, xreg(ai));
          return true;
        }
        if (!ir::is_int(t)) return false;
        if (mov_direct(in, t)) return true;
        ldz(x86::rax, in.a, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Zext: {
        Type from = static_cast<Type>(in.aux);
        if (!ir::is_int(from) || !ir::is_int(t)) return false;
        Type w = ir::type_bits(from) < ir::type_bits(t) ? from : t;
        if (mov_direct(in, w)) return true;
        ldz(x86::rax, in.a, w);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Sext: {
        Type from = static_cast<Type>(in.aux);
        if (from != Type::I8 && from != Type::I16 && from != Type::I32) return false;
        if (cacheable(in.dst) && cacheable(in.a) && !is_const(in.a) && (t == Type::I32 || t == Type::I64)) {
          x86::Gp sreg = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = sized(pool_[di], t);
          if (from == Type::I8) a_.movsx(d, sreg.r8());
          else if (from == Type::I16) a_.movsx(d, sreg.r16());
          else if (t == Type::I64) a_.movsxd(d, sreg.r32());
          else a_.mov(d, sreg.r32());
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        if (from == Type::I8) a_.movsx(x86::rax, x86::al);
        else if (from == Type::I16) a_.movsx(x86::rax, x86::ax);
        else a_.movsxd(x86::rax, x86::eax);
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Merge8L: case Op::Merge8H: case Op::Merge16:
        if (in.op != Op::Merge8H && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a) && cacheable(in.b) &&
            !is_const(in.b) && in.dst != in.b) {
          // dst = a with its low byte/word from b, register to register.
          x86::Gp rb = reg(in.b);
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);  // a and b, used last, stay
          x86::Gp d = pool_[di];
          if (d != ra) a_.mov(d, ra);
          if (in.op == Op::Merge8L) a_.mov(d.r8(), rb.r8());
          else a_.mov(d.r16(), rb.r16());
          dirty_[di] = true;
          return true;
        }
        if (in.op != Op::Merge8H && in.dst == in.a && cacheable(in.a) && (cacheable(in.b) || is_const(in.b))) {
          // Partial write in place: `mov r8b, cl`-style on the destination's own register.
          if (!is_const(in.b)) ld(x86::rcx, in.b);  // first: loading it may reassign registers
          x86::Gp d = pool_[acquire(in.dst, true)];
          if (is_const(in.b)) {
            if (in.op == Op::Merge8L) a_.mov(d.r8(), Imm(static_cast<int8_t>(consts_[in.b])));
            else a_.mov(d.r16(), Imm(static_cast<int16_t>(consts_[in.b])));
          } else {
            if (in.op == Op::Merge8L) a_.mov(d.r8(), x86::cl);
            else a_.mov(d.r16(), x86::cx);
          }
          dirty_[where(in.dst)] = true;
          return true;
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        if (in.op == Op::Merge8L) a_.mov(x86::al, x86::cl);
        else if (in.op == Op::Merge8H) a_.mov(x86::ah, x86::cl);
        else a_.mov(x86::ax, x86::cx);
        st(in.dst, x86::rax);
        return true;
      case Op::Extract8H:
        ld(x86::rax, in.a);
        a_.movzx(x86::eax, x86::ah);
        st(in.dst, x86::rax);
        return true;
      case Op::Select:
        if (!ir::is_int(t)) return false;
        if (fused_cond_ == in.c && in.c != ir::kNoSlot && is_w(t) && cacheable(in.dst) && cacheable(in.a) &&
            cacheable(in.b) && !is_const(in.a) && !is_const(in.b)) {
          // cmov in place in the destination's register (dst = c ? a : b; a cmov's
          // destination is usually b, its old value). Flags still hold the condition:
          // loads, spills and the mov below leave them alone. A 32-bit cmov zero-extends
          // whether or not it moves, as the I32 Select's result is.
          const x86::Gp ra = reg(in.a), rb = reg(in.b);
          const int di = acquire(in.dst, false);
          const x86::Gp d = pool_[di];
          if (d == ra && d != rb) {
            a_.cmov(x86::negateCond(fused_cc_), sized(d, t), sized(rb, t));
          } else {
            if (d != rb) a_.mov(sized(d, t), sized(rb, t));
            a_.cmov(fused_cc_, sized(d, t), sized(ra, t));
          }
          fused_cond_ = ir::kNoSlot;
          dirty_[di] = true;
          return true;
        }
        if (fused_cond_ == in.c && in.c != ir::kNoSlot) {
          // Flags still hold the condition: movs and acquire() below leave them alone.
          ldz(x86::rax, in.b, t);
          ldz(x86::rcx, in.a, t);
          a_.cmov(fused_cc_, sized(x86::rax, t == Type::I64 ? t : Type::I32), sized(x86::rcx, t == Type::I64 ? t : Type::I32));
          fused_cond_ = ir::kNoSlot;
          st(in.dst, x86::rax);
          return true;
        }
        ldz(x86::rax, in.b, t);
        ldz(x86::rcx, in.a, t);
        ld(x86::rdx, in.c);
        a_.test(x86::dl, 1);
        a_.cmovnz(x86::rax, x86::rcx);
        st(in.dst, x86::rax);
        return true;

      case Op::Add: case Op::Sub: case Op::And: case Op::Or: case Op::Xor:
      case Op::AddF: case Op::SubF: case Op::AndF: case Op::OrF: case Op::XorF: {
        if (!ir::is_int(t) || t == Type::I1) return false;
        if (is_w(t) && (in.dst == ir::kNoSlot || cacheable(in.dst)) && cacheable(in.a) && !is_const(in.a) &&
            (cacheable(in.b) || is_const(in.b))) {
          alu_fast(in);
          return true;
        }
        if ((t == Type::I8 || t == Type::I16) && (in.dst == ir::kNoSlot || cacheable(in.dst)) && cacheable(in.a) &&
            !is_const(in.a) && (cacheable(in.b) || is_const(in.b))) {
          alu_narrow(in);
          return true;
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        bool f = ir::has(in.op, ir::prop::F);
        const bool store = f && flags_must_be_stored();
        if (store) record_operands(in.op, x86::rax, x86::rcx);
        // At the operation's own width, so the host flags are the guest's.
        alu_insn(in.op, sized(x86::rax, t), sized(x86::rcx, t));
        mask(x86::rax, t);  // movzx or mov: the flags survive
        if (in.dst != ir::kNoSlot) st(in.dst, x86::rax);
        if (f) record_alu_flags(in.op, t, x86::rax, store);
        return true;
      }
      case Op::Popcnt: case Op::Lzcnt: case Op::Tzcnt: {
        // The host instruction when the host has it (the guest is told it exists either
        // way: the helper computes it otherwise). 16-bit forms too.
        if (t != Type::I16 && t != Type::I32 && t != Type::I64) return false;
        if (!host_has(in.op)) return false;
        if (t != Type::I16 && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // In place: the destination's register from the source's (32-bit forms zero-extend).
          const x86::Gp ra = reg(in.a);
          const int di = acquire(in.dst, false);
          const x86::Gp d = sized(pool_[di], t), x = sized(ra, t);
          if (in.op == Op::Popcnt) a_.popcnt(d, x);
          else if (in.op == Op::Lzcnt) a_.lzcnt(d, x);
          else a_.tzcnt(d, x);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rcx, in.a);
        x86::Gp r = sized(x86::rax, t), x = sized(x86::rcx, t);
        if (in.op == Op::Popcnt) a_.popcnt(r, x);
        else if (in.op == Op::Lzcnt) a_.lzcnt(r, x);
        else a_.tzcnt(r, x);
        if (t == Type::I16) a_.movzx(x86::eax, x86::ax);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Bswap:
        if (t != Type::I32 && t != Type::I64) return false;
        if (cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = sized(pool_[di], t);
          if (pool_[di] != ra || t == Type::I32) a_.mov(d, sized(ra, t));
          a_.bswap(d);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        a_.bswap(sized(x86::rax, t));
        st(in.dst, x86::rax);
        return true;
      case Op::Not: case Op::Neg:
        if (!ir::is_int(t) || t == Type::I1) return false;
        if (is_w(t) && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // In place in the destination's register (a 32-bit mov zero-extends).
          const x86::Gp ra = reg(in.a);
          const int di = acquire(in.dst, false);
          const x86::Gp d = sized(pool_[di], t);
          if (pool_[di] != ra || t == Type::I32) a_.mov(d, sized(ra, t));
          if (in.op == Op::Not) a_.not_(d); else a_.neg(d);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        if (in.op == Op::Not) a_.not_(x86::rax); else a_.neg(x86::rax);
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Mul:
        if (!is_w(t)) return false;
        {
          // mul/imul r (rdx:rax = rax * r): the frontend's low and high halves, next to each
          // other, are one host widening multiply.
          const size_t nx = static_cast<size_t>(cur_index_) + 1;
          if ((t == Type::I32 || t == Type::I64) && nx < b_.insts.size()) {
            const Inst& hi = b_.insts[nx];
            if ((hi.op == Op::MulHiU || hi.op == Op::MulHiS) && hi.type == t &&
                ((hi.a == in.a && hi.b == in.b) || (hi.a == in.b && hi.b == in.a)) && in.dst != in.a &&
                in.dst != in.b && in.dst != hi.dst && fusable_through(nx)) {
              ld(x86::rax, in.a);
              x86::Gp rb = x86::rcx;
              if (cacheable(in.b) && !is_const(in.b) && in.b != ir::kSlotZero) rb = reg(in.b);
              else ld(x86::rcx, in.b);
              if (hi.op == Op::MulHiU) a_.mul(sized(x86::rdx, t), sized(x86::rax, t), sized(rb, t));
              else a_.imul(sized(x86::rdx, t), sized(x86::rax, t), sized(rb, t));
              st(in.dst, x86::rax);
              st(hi.dst, x86::rdx);
              skip_to_ = static_cast<int>(nx);
              return true;
            }
          }
        }
        if (cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // In place: imul d, a, imm32 or imul d, b (the 32-bit forms zero-extend).
          if (const std::optional<int32_t> bimm = imm32(in.b, t)) {
            const x86::Gp ra = reg(in.a);
            const int di = acquire(in.dst, false);
            a_.imul(sized(pool_[di], t), sized(ra, t), Imm(*bimm));
            dirty_[di] = true;
            return true;
          }
          if (!is_const(in.b) && cacheable(in.b)) {
            const x86::Gp ra = reg(in.a), rb = reg(in.b);
            const int di = acquire(in.dst, false);
            const x86::Gp d = pool_[di];
            if (d == rb && d != ra) {
              a_.imul(sized(d, t), sized(ra, t));
            } else {
              if (d != ra || t == Type::I32) a_.mov(sized(d, t), sized(ra, t));
              a_.imul(sized(d, t), sized(rb, t));
            }
            dirty_[di] = true;
            return true;
          }
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        a_.imul(sized(x86::rax, t), sized(x86::rcx, t));
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Shl: case Op::Shr: case Op::Sar: {
        if (is_w(t) || (t != Type::I8 && t != Type::I16)) break;
        if (narrow_shift_in_place(in)) return true;
        // 8/16-bit: the IR masks the count to 5 bits and shifts the zero- (or sign-)
        // extended value, which a 32-bit host shift of the extended value reproduces.
        if (is_const(in.b) && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          const unsigned n = static_cast<unsigned>(consts_[in.b] & 31);
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = pool_[di].r32();
          if (in.op == Op::Sar) a_.movsx(d, sized(ra, t));
          else a_.movzx(d, sized(ra, t));
          if (n) {
            if (in.op == Op::Shl) a_.shl(d, n);
            else if (in.op == Op::Shr) a_.shr(d, n);
            else a_.sar(d, n);
          }
          mask(pool_[di], t);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        if (in.op == Op::Sar) a_.movsx(x86::eax, sized(x86::rax, t));
        else a_.movzx(x86::eax, sized(x86::rax, t));
        a_.and_(x86::ecx, 31);
        if (in.op == Op::Shl) a_.shl(x86::eax, x86::cl);
        else if (in.op == Op::Shr) a_.shr(x86::eax, x86::cl);
        else a_.sar(x86::eax, x86::cl);
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::NegF: {
        // The host neg (flags as sub 0, x): in place where the operands allow; its lazy
        // flags (0 and x, kind Sub) only when someone else reads them.
        if (!ir::is_int(t) || t == Type::I1) return false;
        const bool store = flags_must_be_stored();
        if (store) {
          ld(x86::rax, in.a);
          a_.mov(S(ir::kSlotCcSrc2), x86::rax);
          a_.mov(x86::qword_ptr(kState, ir::kSlotCcSrc1 * 8), 0);
        }
        if (merges_back(in)) {
          const int ai = acquire(in.a, true);
          a_.neg(sized(pool_[ai], t));
          dirty_[ai] = true;
          skip_to_ = cur_index_ + 1;  // the merge is done
        } else if (is_w(t) && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = sized(pool_[di], t);
          if (pool_[di] != ra || t == Type::I32) a_.mov(d, sized(ra, t));  // (a 32-bit mov zero-extends)
          a_.neg(d);
          dirty_[di] = true;
        } else {
          ld(x86::rax, in.a);
          a_.neg(sized(x86::rax, t));
          mask(x86::rax, t);  // movzx or mov: the flags survive
          st(in.dst, x86::rax);
        }
        if (store) a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(ir::CcKind::Sub, t))));
        flags_ = {FlagsKnown::Sub, t};
        host_flags_at_ = cur_index_;
        host_flags_no_cf_ = false;
        return true;
      }
      case Op::AdcF: case Op::SbbF: {
        // The host adc/sbb with the carry-in put in CF (bt): exact guest flags in the host
        // flags; the lazy ones (src1, src2, result, kind) only when someone else reads them.
        if (!ir::is_int(t) || t == Type::I1) return false;
        const bool store = flags_must_be_stored();
        // The carry-in fused from the GetCF right before: CF already holds it, and the
        // loads and stores below are movs, which leave it there.
        const bool carry_in_cf = fused_cond_ == in.c && in.c != ir::kNoSlot;
        fused_cond_ = ir::kNoSlot;
        const ir::CcKind kind = in.op == Op::AdcF ? ir::CcKind::Adc : ir::CcKind::Sbb;
        // 8/16-bit with the result merged back into in.a: on its low byte/word in place
        // (b and the carry-in loaded first: acquiring them could evict in.a's register).
        // Otherwise in rax, then stored.
        const bool in_place = merges_back(in) && in.c != in.a;
        x86::Gp a = x86::rax, b = x86::rcx;
        int ai = -1;
        if (in_place) {
          if (in.b != in.a) ld(x86::rcx, in.b);
          if (!carry_in_cf) ld(x86::rdx, in.c);
          ai = acquire(in.a, true);
          a = pool_[ai];
          if (in.b == in.a) b = a;
        } else {
          ld(x86::rax, in.a);
          ld(x86::rcx, in.b);
          if (!carry_in_cf) ld(x86::rdx, in.c);
        }
        if (store) {
          a_.mov(S(ir::kSlotCcSrc1), a);
          a_.mov(S(ir::kSlotCcSrc2), b);
        }
        if (!carry_in_cf) a_.bt(x86::edx, 0);  // CF = the carry in
        if (in.op == Op::AdcF) a_.adc(sized(a, t), sized(b, t));
        else a_.sbb(sized(a, t), sized(b, t));
        if (in_place) {
          if (store) a_.movzx(x86::eax, sized(a, t));  // (the lazy result; movzx keeps the flags)
          dirty_[ai] = true;
          skip_to_ = cur_index_ + 1;  // the merge is done
        } else {
          mask(x86::rax, t);  // movzx or mov: the flags survive
        }
        if (store) {
          a_.mov(S(ir::kSlotCcDst), x86::rax);
          a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(kind, t))));
        }
        if (!in_place) st(in.dst, x86::rax);
        flags_ = {};
        host_flags_at_ = cur_index_;
        host_flags_no_cf_ = false;
        return true;
      }
      default:
        break;
    }
    switch (in.op) {
      case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror: {
        if (t == Type::I8 || t == Type::I16) {
          if (in.op != Op::Rol && in.op != Op::Ror) return false;
          if (narrow_shift_in_place(in)) return true;
          // 8/16-bit rotates: the host's, on the low byte/word (count masked to 5 bits,
          // then taken modulo the width, as the IR and x86 both do).
          ld(x86::rax, in.a);
          x86::Gp r = sized(x86::rax, t);
          if (is_const(in.b)) {
            const unsigned n = static_cast<unsigned>(consts_[in.b] & 31);
            if (in.op == Op::Rol) a_.rol(r, n); else a_.ror(r, n);
          } else {
            ld(x86::rcx, in.b);
            if (in.op == Op::Rol) a_.rol(r, x86::cl); else a_.ror(r, x86::cl);
          }
          mask(x86::rax, t);
          st(in.dst, x86::rax);
          return true;
        }
        if (!is_w(t)) return false;
        if (is_const(in.b) && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // By a constant: in place in the destination's register (the host masks the
          // count exactly as the guest does).
          const unsigned n = static_cast<unsigned>(consts_[in.b] & (t == Type::I64 ? 63 : 31));
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = sized(pool_[di], t);
          if (pool_[di] != ra || (t == Type::I32 && n == 0)) a_.mov(d, sized(ra, t));  // a 32-bit mov zero-extends
          if (n) shift_insn(in.op, d, Imm(n));
          dirty_[di] = true;
          return true;
        }
        if (cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // By cl, in place in the destination's register. The count first: fetching it
          // may reassign registers; the operand's and destination's are taken after it.
          ld(x86::rcx, in.b);
          x86::Gp ra = reg(in.a);
          int di = acquire(in.dst, false);
          x86::Gp d = sized(pool_[di], t);
          // (At 32 bits always the mov: a count of 0 must still zero-extend the result.)
          if (pool_[di] != ra || t == Type::I32) a_.mov(d, sized(ra, t));
          shift_insn(in.op, d, x86::cl);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        shift_insn(in.op, sized(x86::rax, t), x86::cl);
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::CmpEq: case Op::CmpNe: case Op::CmpLtU: case Op::CmpLeU: case Op::CmpLtS: case Op::CmpLeS: {
        if (!ir::is_int(t)) return false;
        if (in.op == Op::CmpEq && bit_scan(in)) return true;
        Type w = t == Type::I1 ? Type::I8 : t;
        ldz(x86::rax, in.a, t);
        ldz(x86::rcx, in.b, t);
        a_.cmp(sized(x86::rax, w), sized(x86::rcx, w));
        x86::CondCode cc = in.op == Op::CmpEq ? x86::CondCode::kE : in.op == Op::CmpNe ? x86::CondCode::kNE
                         : in.op == Op::CmpLtU ? x86::CondCode::kB : in.op == Op::CmpLeU ? x86::CondCode::kBE
                         : in.op == Op::CmpLtS ? x86::CondCode::kL : x86::CondCode::kLE;
        a_.set(cc, x86::al);
        a_.movzx(x86::eax, x86::al);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Cond: {
        x86::CondCode hc = cond_flags(in.aux);
        size_t nx = static_cast<size_t>(cur_index_) + 1;
        if (nx < b_.insts.size() && last_use_[in.dst] == static_cast<int>(nx) &&
            (((b_.insts[nx].op == Op::ExitBr || b_.insts[nx].op == Op::ExitIf) && b_.insts[nx].a == in.dst) ||
             (b_.insts[nx].op == Op::Select && b_.insts[nx].c == in.dst && b_.insts[nx].a != in.dst &&
              b_.insts[nx].b != in.dst && is_w(b_.insts[nx].type)))) {
          fused_cond_ = in.dst;
          fused_cc_ = hc;
          return true;
        }
        if (nx + 1 < b_.insts.size() && last_use_[in.dst] == static_cast<int>(nx)) {
          // setcc r8 (Cond, its zero-extension to i8, the merge into the register's low
          // byte): one host setcc on that register's low byte.
          const Inst& z = b_.insts[nx];
          const Inst& m = b_.insts[nx + 1];
          if (z.op == Op::Zext && z.a == in.dst && z.type == Type::I8 && ir::is_temp(z.dst) &&
              last_use_[z.dst] == static_cast<int>(nx + 1) && m.op == Op::Merge8L && m.b == z.dst && m.a == m.dst &&
              m.dst < 16 && fusable_through(nx + 1)) {
            const int di = acquire(m.dst, true);
            a_.set(hc, pool_[di].r8());
            dirty_[di] = true;
            skip_to_ = static_cast<int>(nx + 1);
            return true;
          }
        }
        a_.set(hc, x86::al);
        a_.movzx(x86::eax, x86::al);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Addr: {
        if (t != Type::I64 && t != Type::I32) return false;
        if (t == Type::I64 && rmw(in)) return true;
        {
          // Used only by the next instruction as its address: becomes its memory operand.
          size_t nx = static_cast<size_t>(cur_index_) + 1;
          int64_t d = static_cast<int64_t>(in.imm);
          if (t == Type::I64 && d == static_cast<int32_t>(d) && nx < b_.insts.size() && ir::is_temp(in.dst) &&
              last_use_[in.dst] == static_cast<int>(nx) && !is_const(in.a) && !is_const(in.b)) {
            const Inst& u = b_.insts[nx];
            if ((u.op == Op::Load || u.op == Op::Store) && u.a == in.dst && (u.op == Op::Load || u.b != in.dst) &&
                (u.imm + static_cast<uint64_t>(d)) == static_cast<uint64_t>(static_cast<int32_t>(u.imm + static_cast<uint64_t>(d)))) {
              folded_addr_ = in.dst;
              folded_ = in;
              // The address operands are now used by the load/store: keep them live.
              for (Slot o : {in.a, in.b})
                if (ir::is_temp(o) && o < last_use_.size()) last_use_[o] = std::max(last_use_[o], static_cast<int>(nx));
              return true;
            }
          }
        }
        int64_t disp = static_cast<int64_t>(in.imm);
        if (disp == static_cast<int32_t>(disp) && cacheable(in.dst) && (in.a == ir::kSlotZero || (cacheable(in.a) && !is_const(in.a))) &&
            (in.b == ir::kSlotZero || (cacheable(in.b) && !is_const(in.b)))) {
          x86::Mem m;
          if (in.a != ir::kSlotZero && in.b != ir::kSlotZero) m = x86::ptr(reg(in.a), reg(in.b), in.aux, static_cast<int32_t>(disp));
          else if (in.a != ir::kSlotZero) m = x86::ptr(reg(in.a), static_cast<int32_t>(disp));
          else if (in.b != ir::kSlotZero) m = x86::ptr(static_cast<uint64_t>(disp), reg(in.b), in.aux);
          else m = x86::ptr(static_cast<uint64_t>(disp));
          // `lea eax, [rdx + rdx]`: a 64-bit address whose only use is a 32-bit move into a
          // register (the move the coalescer cannot merge: it would write 64 bits) is one
          // lea into that register at 32 bits (the host truncates and zero-extends alike).
          const size_t nx = static_cast<size_t>(cur_index_) + 1;
          if (t == Type::I64 && ir::is_temp(in.dst) && nx < b_.insts.size() && last_use_[in.dst] == static_cast<int>(nx)) {
            const Inst& mv = b_.insts[nx];
            if (mv.op == Op::Mov && mv.type == Type::I32 && mv.a == in.dst && mv.dst < 16 && fusable_through(nx)) {
              const int di = acquire(mv.dst, false);
              a_.lea(pool_[di].r32(), m);
              dirty_[di] = true;
              skip_to_ = static_cast<int>(nx);
              return true;
            }
          }
          int di = acquire(in.dst, false);  // the address registers, used last, stay
          a_.lea(sized(pool_[di], t), m);
          dirty_[di] = true;
          return true;
        }
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        if (disp == static_cast<int32_t>(disp)) {
          a_.lea(sized(x86::rax, t), x86::ptr(x86::rax, x86::rcx, in.aux, static_cast<int32_t>(disp)));
        } else {
          a_.lea(x86::rax, x86::ptr(x86::rax, x86::rcx, in.aux));
          a_.mov(x86::rcx, in.imm);
          a_.add(sized(x86::rax, t), sized(x86::rcx, t));
        }
        st(in.dst, x86::rax);
        return true;
      }
      case Op::AtomicRMW: case Op::CmpXchg:
        return atomic(in);
      case Op::Load: case Op::Store: {
        if (t == Type::V128) {
          int64_t d = static_cast<int64_t>(in.imm);
          x86::Mem m;
          if (folded_addr_ == in.a && in.a != ir::kNoSlot) {
            m = folded_mem(in.imm, 16);
          } else {
            ld(x86::rcx, in.a);
            if (d != static_cast<int32_t>(d)) return false;
            m = x86::ptr(x86::rcx, static_cast<int32_t>(d), 16);
          }
          uint32_t at;
          if (in.op == Op::Load) {
            const int di = xslot_for(in.dst);
            at = static_cast<uint32_t>(a_.offset());
            a_.movdqu(xreg(di), m);
            recovery(at, static_cast<uint32_t>(a_.offset()));
            xhold(di, in.dst);
            xwritten(di);
          } else {
            const x86::Xmm src = xreg(xget(in.b));
            at = static_cast<uint32_t>(a_.offset());
            a_.movdqu(m, src);
            recovery(at, static_cast<uint32_t>(a_.offset()));
          }
          return true;
        }
        if (!ir::is_int(t) || t == Type::I1) return false;
        // A store's value is fetched before the address: fetching it may reassign the
        // dynamic registers an address built from cached registers would use.
        int store_src = -1;  // the stored value's pool register, if it has one
        bool store_imm = false;
        if (in.op == Op::Store) {
          if (cacheable(in.b) && !is_const(in.b)) store_src = acquire(in.b, true);
          else if ((is_const(in.b) && (t != Type::I64 || consts_[in.b] == static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(consts_[in.b]))))) ||
                   in.b == ir::kSlotZero)
            store_imm = true;  // mov m, imm (sign-extended imm32 at 64 bits)
          else ld(x86::rax, in.b);
        }
        x86::Mem m;
        if (folded_addr_ == in.a && in.a != ir::kNoSlot) {
          m = folded_mem(in.imm, bytes_of(t));
        } else {
          int64_t disp = static_cast<int64_t>(in.imm);
          const int64_t absolute = is_const(in.a) ? static_cast<int64_t>(consts_[in.a] + in.imm) : 0;
          if (cacheable(in.a) && !is_const(in.a) && disp == static_cast<int32_t>(disp)) {
            m = x86::ptr(reg(in.a), static_cast<int32_t>(disp), bytes_of(t));  // base straight from its register
          } else if (is_const(in.a) && absolute == static_cast<int32_t>(absolute)) {
            // A constant address in the low 2 GiB (globals of a non-PIE program): [disp32].
            m = x86::ptr_abs(static_cast<uint64_t>(absolute), bytes_of(t));
          } else {
            ld(x86::rcx, in.a);
            if (disp != static_cast<int32_t>(disp)) {
              a_.mov(x86::rdx, in.imm);
              a_.add(x86::rcx, x86::rdx);
              disp = 0;
            }
            m = x86::ptr(x86::rcx, static_cast<int32_t>(disp), bytes_of(t));
          }
        }
        if (in.op == Op::Load && t != Type::I64) {
          // movzx/movsx from memory: a load whose only reader is the extension right after
          // it becomes one host load that extends, into the extension's destination.
          const size_t nx = static_cast<size_t>(cur_index_) + 1;
          const Inst* ext = nx < b_.insts.size() ? &b_.insts[nx] : nullptr;
          if (ext && (ext->op == Op::Sext || ext->op == Op::Zext) && ext->a == in.dst && ir::is_temp(in.dst) &&
              last_use_[in.dst] == static_cast<int>(nx) && static_cast<Type>(ext->aux) == t &&
              (ext->type == Type::I32 || ext->type == Type::I64) && ext->dst != in.dst && cacheable(ext->dst) &&
              (t == Type::I8 || t == Type::I16 || (t == Type::I32 && ext->op == Op::Sext && ext->type == Type::I64)) &&
              fusable_through(nx)) {
            const int di = acquire(ext->dst, false);
            const x86::Gp d = sized(pool_[di], ext->type);
            uint32_t at = static_cast<uint32_t>(a_.offset());
            if (ext->op == Op::Zext) a_.movzx(d.r32(), m);       // (zero-extends to 64 too)
            else if (t == Type::I32) a_.movsxd(d, m);
            else a_.movsx(d, m);
            recovery(at, static_cast<uint32_t>(a_.offset()));
            dirty_[di] = true;
            skip_to_ = static_cast<int>(nx);
            return true;
          }
        }
        if (in.op == Op::Load) {
          // Straight into the destination's register when it has one (the address
          // registers were used last, so acquiring it does not evict them).
          x86::Gp d = x86::rax;
          int di = -1;
          if (cacheable(in.dst)) { di = acquire(in.dst, false); d = pool_[di]; }
          uint32_t at = static_cast<uint32_t>(a_.offset());
          if (t == Type::I8 || t == Type::I16) a_.movzx(d.r32(), m);
          else a_.mov(sized(d, t), m);
          recovery(at, static_cast<uint32_t>(a_.offset()));
          if (di >= 0) dirty_[di] = true;
          else st(in.dst, x86::rax);
        } else {
          // The value from its own register if fetching the address left it there.
          x86::Gp v = x86::rax;
          if (store_src >= 0) {
            if (held_[store_src] == in.b) v = pool_[store_src];
            else a_.mov(x86::rax, S(in.b));  // evicted by the address: spilled to its slot
          }
          uint32_t at = static_cast<uint32_t>(a_.offset());
          if (store_imm) {
            uint64_t c = in.b == ir::kSlotZero ? 0 : consts_[in.b];
            if (t == Type::I8) a_.mov(m, Imm(static_cast<int8_t>(c)));
            else if (t == Type::I16) a_.mov(m, Imm(static_cast<int16_t>(c)));
            else a_.mov(m, Imm(static_cast<int32_t>(c)));
          } else {
            a_.mov(m, sized(v, t));
          }
          recovery(at, static_cast<uint32_t>(a_.offset()));
        }
        return true;
      }

      case Op::Vec: case Op::VecToInt: case Op::VecFlags: case Op::IntToVec: {
        const unsigned row = static_cast<unsigned>(in.aux) | static_cast<unsigned>(in.aux2) << 8;
        const ir::VecOpInfo& vi = ir::vec_info(row);
        if (in.op == Op::Vec) {
          const NativeVec& nv = native_vec(row);
          if (nv.id) {
            // x ^ x and x == x do not depend on x (the zero and all-ones idioms: pxor,
            // xorps, pcmpeqd of a register with itself): no operand to read.
            if (in.a == in.b && (row == ir::vec_id(ir::VecOp::PXOR) || row == ir::vec_id(ir::VecOp::PCMPEQB) ||
                                 row == ir::vec_id(ir::VecOp::PCMPEQW) || row == ir::vec_id(ir::VecOp::PCMPEQD))) {
              const int di = xslot_for(in.dst);
              if (row == ir::vec_id(ir::VecOp::PXOR)) a_.pxor(xreg(di), xreg(di));
              else a_.pcmpeqd(xreg(di), xreg(di));
              xhold(di, in.dst);
              xwritten(di);
              return true;
            }
            // On copies of the operands: xmm0 = a; op xmm0, b; then the destination's copy.
            const int ai = xget(in.a);
            const int bi = nv.unary ? ai : xget(in.b, ai);
            if (in.dst == in.a) {
              // The instruction's own form (`op xmm1, xmm2`: the destination is the first
              // operand): in place on a's copy, which is the destination's copy after it.
              if (nv.unary) a_.emit(nv.id, xreg(ai), Imm(in.imm & 0xff));
              else if (nv.imm) a_.emit(nv.id, xreg(ai), xreg(bi), Imm(in.imm & 0xff));
              else a_.emit(nv.id, xreg(ai), xreg(bi));
              xhold(ai, in.dst);
              xwritten(ai);
              return true;
            }
            a_.movdqa(x86::xmm0, xreg(ai));
            if (nv.unary) a_.emit(nv.id, x86::xmm0, Imm(in.imm & 0xff));
            else if (nv.imm) a_.emit(nv.id, x86::xmm0, xreg(bi), Imm(in.imm & 0xff));
            else a_.emit(nv.id, x86::xmm0, xreg(bi));
            xdef(in.dst, x86::xmm0);
            return true;
          }
        }
        // pcmpistri (SSE4.2 string compares, glibc's strcmp family): the host instruction;
        // its index in ecx, its flags (CF ZF SF OF; AF PF cleared) exactly the guest's.
        if (row == ir::vec_id(ir::VecOp::PCMPISTRI) || row == ir::vec_id(ir::VecOp::PCMPISTR_FLAGS)) {
          const int ai = xget(in.a);
          const int bi = xget(in.b, ai);
          a_.pcmpistri(xreg(ai), xreg(bi), Imm(in.imm & 0xff));
          if (in.op == Op::VecToInt) {
            a_.mov(x86::eax, x86::ecx);
            st(in.dst, x86::rax);
            return true;
          }
          if (flags_must_be_stored()) store_host_flags_eager(x86::rax);
          flags_ = {};
          host_flags_at_ = cur_index_;
          host_flags_no_cf_ = false;
          return true;
        }
        // pcmpistrm: the host instruction too; its mask lands in host xmm0 (the scratch
        // register), whatever the operands' copies are. Its flags are the guest's as well,
        // but the IR takes them from the VecFlags row before it: here they count as clobbered.
        if (row == ir::vec_id(ir::VecOp::PCMPISTRM)) {
          const int ai = xget(in.a);
          const int bi = xget(in.b, ai);
          a_.pcmpistrm(xreg(ai), xreg(bi), Imm(in.imm & 0xff));
          xdef(in.dst, x86::xmm0);
          return true;
        }
        // A few conversions between GPRs and xmm rows, as the instructions themselves.
        if (row == ir::vec_id(ir::VecOp::MOVQ_TO_XMM) || row == ir::vec_id(ir::VecOp::MOVD_TO_XMM)) {
          ld(x86::rax, in.a);
          if (row == ir::vec_id(ir::VecOp::MOVQ_TO_XMM)) a_.movq(x86::xmm0, x86::rax);
          else a_.movd(x86::xmm0, x86::eax);
          xdef(in.dst, x86::xmm0);
          return true;
        }
        if (row == ir::vec_id(ir::VecOp::MOVQ_FROM_XMM) || row == ir::vec_id(ir::VecOp::MOVD_FROM_XMM) ||
            row == ir::vec_id(ir::VecOp::PMOVMSKB)) {
          const x86::Xmm src = xreg(xget(in.a));
          if (row == ir::vec_id(ir::VecOp::MOVQ_FROM_XMM)) a_.movq(x86::rax, src);
          else if (row == ir::vec_id(ir::VecOp::MOVD_FROM_XMM)) a_.movd(x86::eax, src);
          else a_.pmovmskb(x86::eax, src);
          mask(x86::rax, t);
          st(in.dst, x86::rax);
          return true;
        }
        if (vi.fp) return false;  // runs under the guest MXCSR: the helper swaps it
        if (!(in.op == Op::Vec ? static_cast<bool>(vi.v) : in.op == Op::IntToVec ? static_cast<bool>(vi.x) : static_cast<bool>(vi.i)))
          return false;
        prepare_call();
        materialise_consts_for_helper(in);
        // SysV: a V128 argument is two integer registers; a V128 result comes in rax:rdx.
        if (in.op == Op::IntToVec) {
          ld_arg(x86::rdi, in.a);
          a_.mov(x86::rsi, S(in.b));
          a_.mov(x86::rdx, S(static_cast<Slot>(in.b + 1)));
          a_.mov(x86::ecx, static_cast<uint32_t>(in.imm & 0xff));
        } else {
          a_.mov(x86::rdi, S(in.a));
          a_.mov(x86::rsi, S(static_cast<Slot>(in.a + 1)));
          a_.mov(x86::rdx, S(in.b));
          a_.mov(x86::rcx, S(static_cast<Slot>(in.b + 1)));
          a_.mov(x86::r8d, static_cast<uint32_t>(in.imm & 0xff));
        }
        const void* fn = in.op == Op::Vec ? reinterpret_cast<const void*>(vi.v)
                         : in.op == Op::IntToVec ? reinterpret_cast<const void*>(vi.x)
                                                 : reinterpret_cast<const void*>(vi.i);
        if (!fn) return false;
        a_.mov(x86::rax, reinterpret_cast<uint64_t>(fn));
        a_.call(x86::rax);
        xclear();  // (calls clobber host xmm registers)
        after_call(false);
        if (in.op == Op::Vec || in.op == Op::IntToVec) {
          forget(in.dst);
          forget(static_cast<Slot>(in.dst + 1));
          a_.mov(S(in.dst), x86::rax);
          a_.mov(S(static_cast<Slot>(in.dst + 1)), x86::rdx);
        } else if (in.op == Op::VecToInt) {
          mask(x86::rax, t);
          st(in.dst, x86::rax);
        } else {
          a_.and_(x86::eax, static_cast<uint32_t>(ir::rflags::kStatus));
          a_.mov(S(ir::kSlotCcDst), x86::rax);
          a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(ir::CcKind::Eager, Type::I64))));
          flags_ = {};
        }
        return true;
      }
      case Op::ShlF: case Op::ShrF: case Op::SarF: {
        if (!is_w(t)) return false;
        const unsigned cmask = t == Type::I64 ? 63 : 31;
        const ir::CcKind k = in.op == Op::ShlF ? ir::CcKind::Shl : in.op == Op::ShrF ? ir::CcKind::Shr : ir::CcKind::Sar;
        const Op plain = in.op == Op::ShlF ? Op::Shl : in.op == Op::ShrF ? Op::Shr : Op::Sar;
        if (is_const(in.b) && (consts_[in.b] & cmask) != 0 && cacheable(in.dst) && cacheable(in.a) && !is_const(in.a)) {
          // By a known non-zero count: the host shift by an immediate, in the destination's
          // register; its host flags are the guest's (kept for the Conds after it), and
          // the lazy ones are recorded only when someone further on may read them.
          const unsigned n = static_cast<unsigned>(consts_[in.b] & cmask);
          const bool store = flags_must_be_stored();
          x86::Gp ra = reg(in.a);
          if (store) {
            a_.mov(S(ir::kSlotCcSrc1), ra);
            a_.mov(x86::qword_ptr(kState, ir::kSlotCcSrc2 * 8), Imm(static_cast<int32_t>(n)));
          }
          const int di = acquire(in.dst, false);  // (ra, used by this op, is not evicted)
          x86::Gp d = pool_[di];
          if (d != ra || t == Type::I32) a_.mov(sized(d, t), sized(ra, t));  // (a 32-bit mov zero-extends)
          shift_insn(plain, sized(d, t), Imm(n));
          dirty_[di] = true;
          if (store) {
            a_.mov(S(ir::kSlotCcDst), d.r64());
            a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(k, t))));
          }
          flags_ = {FlagsKnown::ResultOnly, t, in.op, static_cast<uint8_t>(n)};
          host_flags_at_ = cur_index_;
          host_flags_no_cf_ = false;
          return true;
        }
        // Count 0 (after x86 masking) leaves value and flags alone.
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        int di = acquire(in.dst, false);
        a_.and_(x86::ecx, cmask);
        Label zero = a_.newLabel(), done = a_.newLabel();
        a_.jz(zero);
        a_.mov(S(ir::kSlotCcSrc1), x86::rax);
        a_.mov(S(ir::kSlotCcSrc2), x86::rcx);
        shift_insn(plain, sized(x86::rax, t), x86::cl);
        a_.mov(S(ir::kSlotCcDst), x86::rax);
        a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(ir::cc_op(k, t))));
        a_.jmp(done);
        a_.bind(zero);
        mask(x86::rax, t);
        a_.bind(done);
        a_.mov(pool_[di], x86::rax);
        dirty_[di] = true;
        if (is_const(in.b) && (consts_[in.b] & cmask) != 0)  // (a constant operand to shift, say)
          flags_ = {FlagsKnown::ResultOnly, t, in.op, static_cast<uint8_t>(consts_[in.b] & cmask)};
        else flags_ = {};
        return true;
      }
      case Op::DivU: case Op::DivS: {
        if (t != Type::I64 && t != Type::I32 && t != Type::I16) return false;
        if (!cacheable(in.dst) || !cacheable(static_cast<Slot>(in.dst + 1))) return false;
        ld(x86::rdx, in.a);
        ld(x86::rax, in.b);
        // The divisor from its own register when it has one (never rax, rdx or rcx).
        x86::Gp divisor = x86::rcx;
        if (cacheable(in.c) && !is_const(in.c) && in.c != ir::kSlotZero) divisor = reg(in.c);
        else ld(x86::rcx, in.c);
        // A #DE here is a host SIGFPE in the code cache: the fault handler maps it back.
        uint32_t at = static_cast<uint32_t>(a_.offset());
        if (in.op == Op::DivU) a_.div(sized(x86::rdx, t), sized(x86::rax, t), sized(divisor, t));
        else a_.idiv(sized(x86::rdx, t), sized(x86::rax, t), sized(divisor, t));
        recovery(at, static_cast<uint32_t>(a_.offset()));
        if (t == Type::I16) {
          mask(x86::rax, t);
          mask(x86::rdx, t);
        }
        // The quotient and remainder straight into the registers the next two moves copy
        // them to (div rcx: rax = quotient, rdx = remainder), when those moves are all
        // that reads them. (At 32 bits the host's div already zero-extends both.)
        const size_t nx = static_cast<size_t>(cur_index_) + 1;
        if (t != Type::I16 && nx + 1 < b_.insts.size()) {
          const Inst& mq = b_.insts[nx];
          const Inst& mr = b_.insts[nx + 1];
          const Slot q = in.dst, r = static_cast<Slot>(in.dst + 1);
          auto copies = [&](const Inst& mv, Slot from) {
            return mv.op == Op::Mov && mv.a == from && mv.dst < 16 && (mv.type == Type::I64 || mv.type == t) &&
                   from < last_use_.size() && last_use_[from] == static_cast<int>(&mv - b_.insts.data());
          };
          if (copies(mq, q) && copies(mr, r) && mq.dst != mr.dst && fusable_through(nx + 1)) {
            const int qi = acquire(mq.dst, false);
            a_.mov(pool_[qi], x86::rax);
            dirty_[qi] = true;
            const int ri = acquire(mr.dst, false);
            a_.mov(pool_[ri], x86::rdx);
            dirty_[ri] = true;
            skip_to_ = static_cast<int>(nx + 1);
            return true;
          }
        }
        st(in.dst, x86::rax);
        st(static_cast<Slot>(in.dst + 1), x86::rdx);
        return true;
      }
      case Op::MulHiU: case Op::MulHiS: {
        if (!is_w(t) && t != Type::I16) return false;
        ld(x86::rax, in.a);
        x86::Gp rb = x86::rcx;  // (from its own register when it has one: never rax, rcx or rdx)
        if (cacheable(in.b) && !is_const(in.b) && in.b != ir::kSlotZero) rb = reg(in.b);
        else ld(x86::rcx, in.b);
        if (in.op == Op::MulHiU) a_.mul(sized(x86::rdx, t), sized(x86::rax, t), sized(rb, t));
        else a_.imul(sized(x86::rdx, t), sized(x86::rax, t), sized(rb, t));
        mask(x86::rdx, t);
        st(in.dst, x86::rdx);
        return true;
      }
      case Op::SetCC: {
        // Each operand straight from its register, or as an immediate.
        auto put = [&](Slot slot, Slot v) {
          if (const std::optional<int32_t> iv = imm32(v, Type::I64)) {
            a_.mov(S(slot), Imm(*iv));
          } else if (cacheable(v) && !is_const(v)) {
            a_.mov(S(slot), pool_[acquire(v, true)]);
          } else {
            ld(x86::rax, v);
            a_.mov(S(slot), x86::rax);
          }
        };
        put(ir::kSlotCcDst, in.a);
        put(ir::kSlotCcSrc1, in.b);
        put(ir::kSlotCcSrc2, in.c);
        a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8), Imm(static_cast<int32_t>(in.aux)));
        flags_ = {};
        if (in.aux == ir::cc_op(ir::CcKind::Eager, Type::I64)) flags_.kind = FlagsKnown::Eager;
        return true;
      }
      case Op::GetFlags:
        // The RFLAGS image (status | control | fixed bits) without the helper, where the
        // status flags are at hand: in the host flags, or Eager in cc_dst.
        if (t != Type::I64 && t != Type::I32) return false;
        if (host_valid_ && !host_valid_no_cf_) {
          a_.pushfq();
          a_.pop(x86::rax);
        } else if (flags_.kind == FlagsKnown::Eager && !host_valid_) {
          if (mem_stale_) flags_lost_ = true;
          a_.mov(x86::rax, S(ir::kSlotCcDst));
        } else {
          return false;
        }
        a_.and_(x86::eax, static_cast<uint32_t>(ir::rflags::kStatus));
        a_.or_(x86::rax, S(ir::kSlotCtlFlags));
        a_.or_(x86::eax, static_cast<uint32_t>(ir::rflags::kFixed));
        st(in.dst, x86::rax);
        return true;
      case Op::GetCF: {
        // The carry-in of the adc/sbb right after, with CF in the host flags (neg; sbb r,r
        // and add; adc): it stays there, no setc and no bt.
        const size_t nx = static_cast<size_t>(cur_index_) + 1;
        if (host_valid_ && !host_valid_no_cf_ && nx < b_.insts.size() && last_use_[in.dst] == static_cast<int>(nx) &&
            (b_.insts[nx].op == Op::AdcF || b_.insts[nx].op == Op::SbbF) && b_.insts[nx].c == in.dst &&
            b_.insts[nx].a != in.dst && b_.insts[nx].b != in.dst) {
          fused_cond_ = in.dst;
          fused_cc_ = x86::CondCode::kB;
          return true;
        }
        cf_into_eax();
        st(in.dst, x86::rax);
        return true;
      }
      case Op::IncF: case Op::DecF: {
        if (!is_w(t)) return false;
        // Host inc/dec: the guest's flags but CF, which inc/dec leave as they were. When
        // only the next Cond reads the flags and not CF, that is all that is needed.
        const size_t nx = static_cast<size_t>(cur_index_) + 1;
        const bool next_reads_cf = nx < b_.insts.size() && b_.insts[nx].op == Op::Cond && cc_uses_cf(b_.insts[nx].aux);
        const bool store = flags_must_be_stored() || next_reads_cf;
        if (store) {
          // CF survives inc/dec: capture it from the current flags first.
          cf_into_eax();
          a_.mov(S(ir::kSlotCcSrc2), x86::rax);
          ld(x86::rax, in.a);
          a_.mov(S(ir::kSlotCcSrc1), x86::rax);
        } else {
          ld(x86::rax, in.a);
        }
        if (in.op == Op::IncF) a_.inc(sized(x86::rax, t));
        else a_.dec(sized(x86::rax, t));
        if (store) {
          a_.mov(S(ir::kSlotCcDst), x86::rax);
          a_.mov(x86::qword_ptr(kState, ir::kSlotCcOp * 8),
                 Imm(static_cast<int32_t>(ir::cc_op(in.op == Op::IncF ? ir::CcKind::Inc : ir::CcKind::Dec, t))));
        }
        st(in.dst, x86::rax);
        flags_ = {FlagsKnown::ResultOnly, t};
        host_flags_at_ = cur_index_;
        host_flags_no_cf_ = true;
        return true;
      }

      // ---- exits
      case Op::ExitJmp:
        writeback_gprs();
        chain_jmp(in.imm, ir::ExitKind::Jump, false);
        return true;
      case Op::ExitCall:
        writeback_gprs();
        direct_call(in.imm, in.imm2);
        return true;
      case Op::ExitIf:  // a side exit: the block goes on when it is not taken
        branch_exit(in);
        return true;
      case Op::ExitBr:
        branch_exit(in);
        chain_jmp(in.imm2, ir::ExitKind::Branch, false);
        return true;
      case Op::ExitInd: {
        // Inline probe of the shared indirect-branch table.
        const auto hint = static_cast<ir::ExitHint>(in.aux);
        Label miss = a_.newLabel(), probe = a_.newLabel();
        // The target straight from the register caching it (rax, which the exit stub
        // wants, only on a miss); else loaded into rax.
        x86::Gp pc = x86::rax;
        if (cacheable(in.a) && !is_const(in.a) && in.a != ir::kSlotZero) pc = reg(in.a);
        else ld(x86::rax, in.a);
        writeback_gprs();
        if (hint == ir::ExitHint::Ret) {
          // The return-address stack's top frame: [host return address][guest return
          // address]. A match returns the host way; anything else probes the table.
          a_.cmp(pc, x86::qword_ptr(x86::rsp, 8));
          a_.jne(probe);
          a_.ret(8);
        }
        const bool ras_call = hint == ir::ExitHint::Call && in.imm2 != 0;
        if (b_.ind_predict != 0 && hint != ir::ExitHint::Ret) {
          // The profile's target (a GOT entry, a function pointer that never changes):
          // compared inline, then a chained jump or call as for a direct exit. Anything
          // else goes on to the probe below.
          const uint64_t t = b_.ind_predict;
          Label other = a_.newLabel();
          if (t == static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(t)))) {
            a_.cmp(pc.r64(), Imm(static_cast<int32_t>(t)));
          } else {
            a_.mov(x86::rcx, t);
            a_.cmp(pc.r64(), x86::rcx);
          }
          a_.jne(other);
          if (ras_call) direct_call(t, in.imm2);
          else chain_jmp(t, ir::ExitKind::Jump, false);
          a_.bind(other);
        }
        if (ind_flags_pending_ && !(host_valid_ && !host_valid_no_cf_ && ind_exit_ok_)) flags_lost_ = true;
        if (ind_flags_pending_ && !flags_lost_) {
          // The flags are in the host flags alone. Probe the entry's pair for targets that
          // define them before reading (CodeCache::ib_table) without touching them:
          // rcx = pc - key, zero on a match (not, lea and jrcxz write no flags). A hit
          // goes there with the flags dropped; a miss stores them (Eager: the status
          // bits as they are) and goes on to the whole table.
          stats_.ind_exits_flags_in_host++;
          const uint64_t ktable = reinterpret_cast<uint64_t>(ib_) + 16;  // (each entry's second pair)
          Label khit = a_.newLabel(), after_kmiss = a_.newLabel();
          ib_hash(x86::rdx, pc);  // (BMI2 here: no flags written)
          a_.mov(x86::rcx, x86::qword_ptr(ktable, x86::rdx, 3));
          a_.not_(x86::rcx);
          a_.lea(x86::rcx, x86::ptr(x86::rcx, pc.r64(), 0, 1));
          a_.jecxz(x86::rcx, khit);
          store_host_flags_eager(x86::rcx);
          a_.jmp(after_kmiss);
          a_.bind(khit);  // (the flags are dead from here)
          const x86::Mem khost = x86::qword_ptr(ktable + 8, x86::rdx, 3);
          if (ras_call) call_or_jump(khost, in.imm2);
          else a_.jmp(khost);
          a_.bind(after_kmiss);
        }
        a_.bind(probe);
        const x86::Mem host = ib_probe(miss, pc);
        if (ras_call) call_or_jump(host, in.imm2);
        else a_.jmp(host);
        a_.bind(miss);
        if (pc != x86::rax) a_.mov(x86::rax, pc);
        a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
        a_.mov(x86::eax, static_cast<uint32_t>(ir::ExitKind::Indirect));
        a_.jmp(reinterpret_cast<uint64_t>(exit_));
        return true;
      }
      case Op::ExitSyscall: case Op::ExitHlt:
        writeback_gprs();
        a_.mov(x86::rax, in.imm);
        a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
        a_.mov(x86::eax, static_cast<uint32_t>(in.op == Op::ExitSyscall ? ir::ExitKind::Syscall : ir::ExitKind::Halt));
        a_.jmp(reinterpret_cast<uint64_t>(exit_));
        return true;
      case Op::ExitTrap:
        writeback_gprs();
        a_.mov(x86::dword_ptr(kState, kTrapSigOff), static_cast<uint32_t>(in.aux));
        a_.mov(x86::dword_ptr(kState, kTrapCodeOff), static_cast<uint32_t>(in.aux2));  // (si_code, 0: the default)
        a_.mov(x86::rax, in.imm2);
        a_.mov(x86::qword_ptr(kState, kTrapAddrOff), x86::rax);
        a_.mov(x86::rax, in.imm);
        a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
        a_.jmp(trap_exit_);
        return true;
      default:
        return false;
    }
  }

  x86::Assembler& a_;
  const ir::Block& b_;
  const uint64_t* ib_;  // indirect-branch table: {pc, host} pairs
  const uint8_t* exit_;
  codecache::TranslatedBlock& tb_;
  TranslateStats& stats_;
  const uint8_t* cond_thunk_;   // eax = cc -> eax = condition; preserves every other GPR
  const uint8_t* getcf_thunk_;  // -> eax = CF; preserves every other GPR
  uint64_t cur_pc_ = 0;
  FlagsKnown flags_;
};

// Copies an assembled CodeHolder into the cache at its final address.
uint8_t* place(codecache::CodeCache& cache, CodeHolder& code) {
  code.flatten();
  code.resolveUnresolvedLinks();
  size_t n = code.codeSize();
  uint8_t* rx = cache.alloc(n);
  if (!rx) return nullptr;
  if (code.relocateToBase(reinterpret_cast<uint64_t>(rx)) != kErrorOk) return nullptr;
  code.copyFlattenedData(cache.rw(rx), n, CopySectionFlags::kPadSectionBuffer);
  return rx;
}

}  // namespace

std::vector<std::pair<uint8_t, uint16_t>> pinned_registers() {
  std::vector<std::pair<uint8_t, uint16_t>> v;
  for (const auto& [host, slot] : kPinned) v.emplace_back(static_cast<uint8_t>(host.id()), slot);
  return v;
}

Translator::Translator(codecache::CodeCache& cache) : cache_(cache) { emit_trampolines(); }

void Translator::emit_trampolines() {
  CodeHolder code;
  code.init(Environment::host());
  x86::Assembler a(&code);
  Label exit = a.newLabel();
  // enter(MachineState* st, const void* code)
  a.push(x86::rbx);
  a.push(x86::rbp);
  a.push(x86::r12);
  a.push(x86::r13);
  a.push(x86::r14);
  a.push(x86::r15);
  a.sub(x86::rsp, 8);  // 16-byte alignment for helper calls inside translated code
  a.mov(kState, x86::rdi);
  a.mov(x86::qword_ptr(kState, kHostRspOff), x86::rsp);
  a.lea(x86::rax, x86::ptr(x86::rsp, -ras_bytes()));
  a.mov(x86::qword_ptr(kState, kRasLimitOff), x86::rax);
  // The bottom return-address frame, so that a ret's `[rsp+8]` is always defined: its
  // guest address is 0 (a ret that does not match goes to the table probe; one to address
  // 0 matches and lands in ret_miss, which leaves for the dispatcher with the target).
  Label ret_miss = a.newLabel();
  a.push(Imm(0));
  a.lea(x86::rax, x86::ptr(ret_miss));
  a.push(x86::rax);
  a.mov(x86::rax, x86::rsi);
  for (const auto& [host, slot] : kPinned) a.mov(host, S(slot));
  a.jmp(x86::rax);
  a.align(AlignMode::kCode, 16);
  a.bind(ret_miss);
  a.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
  a.mov(x86::eax, static_cast<uint32_t>(ir::ExitKind::Indirect));
  a.jmp(exit);
  a.align(AlignMode::kCode, 16);
  a.bind(exit);
  for (const auto& [host, slot] : kPinned) a.mov(S(slot), host);
  a.mov(x86::rsp, x86::qword_ptr(kState, kHostRspOff));  // drops return-address frames
  a.add(x86::rsp, 8);
  a.pop(x86::r15);
  a.pop(x86::r14);
  a.pop(x86::r13);
  a.pop(x86::r12);
  a.pop(x86::rbp);
  a.pop(x86::rbx);
  a.ret();
  // Flag-evaluation thunks: translated code calls them with its registers live, so they
  // save every caller-saved GPR around the C helper (no guest state goes to memory).
  Label cond = a.newLabel(), getcf = a.newLabel();
  const x86::Gp saved[] = {x86::rcx, x86::rdx, x86::rsi, x86::rdi, x86::r8, x86::r9, x86::r10, x86::r11};
  for (int which = 0; which < 2; ++which) {
    a.align(AlignMode::kCode, 16);
    a.bind(which == 0 ? cond : getcf);
    if (which == 1) {
      // Fast paths, no C call: CF of the commonest lazy kinds, and of Eager flags (bt and
      // its kin; an indirect exit's flags stored for a target that reads them).
      Label not_logic = a.newLabel(), incdec = a.newLabel(), other = a.newLabel(), not_eager = a.newLabel();
      a.mov(x86::rax, S(ir::kSlotCcOp));
      a.push(x86::rdx);
      a.mov(x86::edx, x86::eax);
      a.shr(x86::edx, 2);  // the kind
      static_assert(static_cast<int>(ir::CcKind::Eager) == 0, "Eager is kind 0");
      a.test(x86::edx, x86::edx);
      a.jnz(not_eager);
      a.mov(x86::eax, S(ir::kSlotCcDst, 4));
      a.and_(x86::eax, 1);
      a.pop(x86::rdx);
      a.ret();
      a.bind(not_eager);
      a.cmp(x86::edx, static_cast<uint32_t>(ir::CcKind::Logic));
      a.jne(not_logic);
      a.xor_(x86::eax, x86::eax);
      a.pop(x86::rdx);
      a.ret();
      a.bind(not_logic);
      a.cmp(x86::edx, static_cast<uint32_t>(ir::CcKind::Inc));
      a.je(incdec);
      a.cmp(x86::edx, static_cast<uint32_t>(ir::CcKind::Dec));
      a.jne(other);
      a.bind(incdec);
      a.mov(x86::rax, S(ir::kSlotCcSrc2));  // inc/dec keep the CF they found
      a.and_(x86::eax, 1);
      a.pop(x86::rdx);
      a.ret();
      a.bind(other);
      a.pop(x86::rdx);
      // cmp/sub and add: redone on the host from the recorded operands.
      const struct { ir::CcKind k; Type w; } redo[] = {
          {ir::CcKind::Sub, Type::I64}, {ir::CcKind::Sub, Type::I32}, {ir::CcKind::Add, Type::I64}};
      for (const auto& f : redo) {
        Label next = a.newLabel();
        a.cmp(x86::eax, static_cast<uint32_t>(ir::cc_op(f.k, f.w)));
        a.jne(next);
        a.mov(sized(x86::rax, f.w), S(ir::kSlotCcSrc1, bytes_of(f.w)));
        if (f.k == ir::CcKind::Sub) a.cmp(sized(x86::rax, f.w), S(ir::kSlotCcSrc2, bytes_of(f.w)));
        else a.add(sized(x86::rax, f.w), S(ir::kSlotCcSrc2, bytes_of(f.w)));
        a.setc(x86::al);
        a.movzx(x86::eax, x86::al);
        a.ret();
        a.bind(next);
      }
    }
    for (const auto& r : saved) a.push(r);
    // Entry rsp is 8 mod 16 (after the call); 8 pushes keep it so. The C helper may use
    // any xmm register: xmm2..xmm15 hold the block's xmm copies (some not yet stored).
    constexpr int kXmmSave = kXmmCopies * 16;
    a.sub(x86::rsp, 8 + kXmmSave);
    for (int i = 0; i < kXmmCopies; ++i) a.movdqu(x86::xmmword_ptr(x86::rsp, i * 16), x86::xmm(2 + i));
    a.mov(x86::rdi, kState);
    if (which == 0) {
      a.mov(x86::esi, x86::eax);
      a.mov(x86::rax, reinterpret_cast<uint64_t>(&rt_cond));
    } else {
      a.mov(x86::rax, reinterpret_cast<uint64_t>(&rt_getcf));
    }
    a.call(x86::rax);
    for (int i = 0; i < kXmmCopies; ++i) a.movdqu(x86::xmm(2 + i), x86::xmmword_ptr(x86::rsp, i * 16));
    a.add(x86::rsp, 8 + kXmmSave);
    for (int i = 7; i >= 0; --i) a.pop(saved[i]);
    a.ret();
  }
  size_t exit_off = code.labelOffsetFromBase(exit);
  size_t cond_off = code.labelOffsetFromBase(cond), getcf_off = code.labelOffsetFromBase(getcf);
  uint8_t* rx = place(cache_, code);
  enter_ = reinterpret_cast<EnterFn>(rx);
  exit_ = rx + exit_off;
  cond_thunk_ = rx + cond_off;
  getcf_thunk_ = rx + getcf_off;
  cache_.set_reserved();
}

codecache::TranslatedBlock* Translator::translate(const ir::Block& b) {
  std::unique_ptr<codecache::TranslatedBlock> tb;
  CodeHolder code;
  std::vector<std::pair<uint32_t, uint64_t>> chain_sites;
  for (bool conservative : {false, true}) {
    tb = std::make_unique<codecache::TranslatedBlock>();
    tb->block = &b;
    tb->guest_pc = b.pc;
    tb->kills_flags = b.kills_flags_in;
    code.reset();
    code.init(Environment::host());
    x86::Assembler a(&code);
    TranslateStats scratch = stats_;
    Emitter e(a, b, cache_.ib_table(), exit_, *tb, scratch, cond_thunk_, getcf_thunk_);
    e.conservative_ = conservative;
    Label trap = a.newLabel();
    e.trap_exit_ = trap;
    e.run();
    if ((e.flags_lost_ || e.xmm_lost()) && !conservative) {  // (a flag-neutral op clobbered them; a dirty xmm copy was dropped)
      stats_.retranslated++;
      continue;
    }
    scratch.retranslated = stats_.retranslated;
    stats_ = scratch;
    chain_sites = std::move(e.chain_sites_);
    break;
  }
  uint8_t* rx = place(cache_, code);
  if (!rx) return nullptr;
  tb->code = rx;
  tb->size = static_cast<uint32_t>(code.codeSize());
  for (auto& [off, target] : chain_sites) {
    // Before linking, each chain jmp points at its exit stub: remember where, so an
    // unlinked site can be pointed back there. A forward edge (target above this block's
    // start) links past the target's pending-exit check: every cycle has a backward edge
    // (the one into its lowest block), and backward edges, indirect branches and the
    // dispatcher enter at the check, so every loop still polls (a ret lands at a return
    // site above its caller's block; an indirect jmp or call with a predicted target is a
    // chain site like a direct one, forward or backward by the same rule). Code on a guest-writable page is always entered at
    // its check (CodeCache::patch): a write there must reach the dispatcher first.
    int32_t rel;
    memcpy(&rel, rx + off, 4);
    tb->chains.push_back({off, target, false, static_cast<uint32_t>(static_cast<int64_t>(off) + 4 + rel),
                          target > b.pc});
  }
  static const char* const dump_dir = getenv("RETRACE_DUMP_HOST_CODE");  // (read once)
  if (const char* dir = dump_dir) {
    // Debug aid: raw host code per block (disassemble with objdump -b binary -m i386:x86-64).
    char path[512];
    snprintf(path, sizeof path, "%s/block_%llx_at_%zx.bin", dir, static_cast<unsigned long long>(b.pc),
             static_cast<size_t>(rx - cache_.rx_base()));
    if (FILE* f = fopen(path, "wb")) {
      fwrite(rx, 1, code.codeSize(), f);
      fclose(f);
    }
    // And the guest bytes it came from (block_PC.guest: objdump --adjust-vma=PC).
    snprintf(path, sizeof path, "%s/block_%llx.guest", dir, static_cast<unsigned long long>(b.pc));
    if (FILE* f = fopen(path, "wb")) {
      fwrite(reinterpret_cast<const void*>(b.pc), 1, b.end - b.pc, f);
      fclose(f);
    }
  }
  stats_.blocks++;
  return cache_.insert(std::move(tb));
}

ir::ExitKind Translator::run(ir::MachineState& st, const codecache::TranslatedBlock* tb) {
  return static_cast<ir::ExitKind>(enter_(&st, tb->code));
}

}  // namespace retrace::backend
