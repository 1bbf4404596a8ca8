// IR → x86-64 lowering. See translator.h for the execution model.
#include "backend/x86_64/translator.h"

#include <asmjit/x86.h>

#include <cstddef>
#include <cstdio>
#include <cstring>

#include "ir/flags.h"

namespace retrace::backend {

using namespace asmjit;
using ir::Inst;
using ir::Op;
using ir::Slot;
using ir::Type;

namespace {

// ---- helpers called from translated code (System V ABI) ------------------------------

uint32_t rt_exec_one(ir::MachineState* st, const Inst* in, uint64_t pc) {
  return ir::interpret_one(*in, *st, pc) ? 1u : 0u;
}
uint64_t rt_cond(ir::MachineState* st, uint64_t cc) {
  const uint64_t* v = st->slot;
  return ir::eval_cond(static_cast<unsigned>(cc), v[ir::kSlotCcOp], v[ir::kSlotCcDst], v[ir::kSlotCcSrc1], v[ir::kSlotCcSrc2]);
}

constexpr int32_t kRipOff = static_cast<int32_t>(offsetof(ir::MachineState, rip));
constexpr int32_t kTrapSigOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_signal));
constexpr int32_t kTrapCodeOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_code));
constexpr int32_t kTrapAddrOff = static_cast<int32_t>(offsetof(ir::MachineState, trap_addr));

const x86::Gp kState = x86::r15;
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
  enum Kind { Unknown, Sub, Add, Logic } kind = Unknown;
  Type type = Type::I64;
};

class Emitter {
 public:
  Emitter(x86::Assembler& a, const ir::Block& b, codecache::IbEntry* ib, const uint8_t* exit,
          codecache::TranslatedBlock& tb, TranslateStats& stats)
      : a_(a), b_(b), ib_(ib), exit_(exit), tb_(tb), stats_(stats) {}

  void run() {
    size_t m = 0;
    for (size_t i = 0; i < b_.insts.size(); ++i) {
      while (m < b_.marks.size() && b_.marks[m].first_inst == i) {
        tb_.pc_map.emplace_back(static_cast<uint32_t>(a_.offset()), b_.marks[m].pc);
        cur_pc_ = b_.marks[m].pc;
        ++m;
      }
      const Inst& in = b_.insts[i];
      if (lower(in)) {
        stats_.inline_ops++;
      } else {
        helper(in);
        stats_.helper_ops++;
      }
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
  std::vector<std::pair<uint32_t, uint64_t>> chain_sites_;  // rel32 offset, target
  Label trap_exit_;

 private:
  void ld(const x86::Gp& r, Slot s) {
    if (s == ir::kSlotZero) a_.xor_(r.r32(), r.r32());
    else a_.mov(r.r64(), S(s));
  }
  // Loads a slot read at width t, zero-extended into the 64-bit register.
  void ldz(const x86::Gp& r, Slot s, Type t) {
    if (s == ir::kSlotZero) { a_.xor_(r.r32(), r.r32()); return; }
    switch (t) {
      case Type::I1: a_.movzx(r.r32(), S(s, 1)); a_.and_(r.r32(), 1); break;
      case Type::I8: a_.movzx(r.r32(), S(s, 1)); break;
      case Type::I16: a_.movzx(r.r32(), S(s, 2)); break;
      case Type::I32: a_.mov(r.r32(), S(s, 4)); break;
      default: a_.mov(r.r64(), S(s)); break;
    }
  }
  void st(Slot s, const x86::Gp& r) { a_.mov(S(s), r.r64()); }
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
  void set_cc_slots(uint64_t op, bool srcs) {
    a_.mov(x86::rdx, op);
    a_.mov(S(ir::kSlotCcOp), x86::rdx);
    if (srcs) {
      st(ir::kSlotCcSrc1, x86::rax);
      st(ir::kSlotCcSrc2, x86::rcx);
    }
  }

  void helper(const Inst& in) {
    a_.mov(x86::rdi, kState);
    a_.mov(x86::rsi, reinterpret_cast<uint64_t>(&in));
    a_.mov(x86::rdx, cur_pc_);
    a_.mov(x86::rax, reinterpret_cast<uint64_t>(&rt_exec_one));
    a_.call(x86::rax);
    if (ir::has(in.op, ir::prop::TR)) {
      a_.test(x86::eax, x86::eax);
      a_.jnz(trap_exit_);
    }
    if (ir::has(in.op, ir::prop::F)) flags_ = {};
  }

  void chain_jmp(uint64_t target, ir::ExitKind kind, bool conditional) {
    Stub s{a_.newLabel(), target, kind};
    if (conditional) a_.long_().jnz(s.label);
    else a_.long_().jmp(s.label);
    chain_sites_.emplace_back(static_cast<uint32_t>(a_.offset() - 4), target);
    stubs_.push_back(s);
  }

  bool lower(const Inst& in) {
    const Type t = in.type;
    switch (in.op) {
      case Op::Const:
        if (t == Type::V128) return false;
        a_.mov(x86::rax, in.imm);
        st(in.dst, x86::rax);
        return true;
      case Op::Mov:
        if (t == Type::V128 || !ir::is_int(t)) return false;
        ldz(x86::rax, in.a, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Zext: {
        Type from = static_cast<Type>(in.aux);
        if (!ir::is_int(from) || !ir::is_int(t)) return false;
        ldz(x86::rax, in.a, ir::type_bits(from) < ir::type_bits(t) ? from : t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Sext: {
        Type from = static_cast<Type>(in.aux);
        if (from == Type::I8) a_.movsx(x86::rax, S(in.a, 1));
        else if (from == Type::I16) a_.movsx(x86::rax, S(in.a, 2));
        else if (from == Type::I32) a_.movsxd(x86::rax, S(in.a, 4));
        else return false;
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Merge8L: case Op::Merge8H: case Op::Merge16:
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
        ldz(x86::rax, in.b, t);
        ldz(x86::rcx, in.a, t);
        a_.test(S(in.c, 1), 1);
        a_.cmovnz(x86::rax, x86::rcx);
        st(in.dst, x86::rax);
        return true;

      case Op::Add: case Op::Sub: case Op::And: case Op::Or: case Op::Xor:
      case Op::AddF: case Op::SubF: case Op::AndF: case Op::OrF: case Op::XorF: {
        if (!ir::is_int(t) || t == Type::I1) return false;
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        bool f = ir::has(in.op, ir::prop::F);
        if (f && (in.op == Op::AddF || in.op == Op::SubF)) {
          st(ir::kSlotCcSrc1, x86::rax);
          st(ir::kSlotCcSrc2, x86::rcx);
        }
        x86::Gp r = is_w(t) ? sized(x86::rax, t) : x86::Gp(x86::rax);
        x86::Gp s = is_w(t) ? sized(x86::rcx, t) : x86::Gp(x86::rcx);
        switch (in.op) {
          case Op::Add: case Op::AddF: a_.add(r, s); break;
          case Op::Sub: case Op::SubF: a_.sub(r, s); break;
          case Op::And: case Op::AndF: a_.and_(r, s); break;
          case Op::Or: case Op::OrF: a_.or_(r, s); break;
          default: a_.xor_(r, s); break;
        }
        mask(x86::rax, t);
        if (in.dst != ir::kNoSlot) st(in.dst, x86::rax);
        if (f) {
          st(ir::kSlotCcDst, x86::rax);
          ir::CcKind k = in.op == Op::AddF ? ir::CcKind::Add : in.op == Op::SubF ? ir::CcKind::Sub : ir::CcKind::Logic;
          a_.mov(x86::rdx, ir::cc_op(k, t));
          a_.mov(S(ir::kSlotCcOp), x86::rdx);
          flags_ = {k == ir::CcKind::Add ? FlagsKnown::Add : k == ir::CcKind::Sub ? FlagsKnown::Sub : FlagsKnown::Logic, t};
        }
        return true;
      }
      case Op::Not: case Op::Neg:
        if (!ir::is_int(t) || t == Type::I1) return false;
        ld(x86::rax, in.a);
        if (in.op == Op::Not) a_.not_(x86::rax); else a_.neg(x86::rax);
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Mul:
        if (!is_w(t)) return false;
        ld(x86::rax, in.a);
        a_.imul(sized(x86::rax, t), S(in.b, bytes_of(t)));
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      case Op::Shl: case Op::Shr: case Op::Sar: case Op::Rol: case Op::Ror: {
        if (!is_w(t)) return false;  // 8/16-bit counts differ from the host's masking
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        x86::Gp r = sized(x86::rax, t);
        switch (in.op) {
          case Op::Shl: a_.shl(r, x86::cl); break;
          case Op::Shr: a_.shr(r, x86::cl); break;
          case Op::Sar: a_.sar(r, x86::cl); break;
          case Op::Rol: a_.rol(r, x86::cl); break;
          default: a_.ror(r, x86::cl); break;
        }
        mask(x86::rax, t);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::CmpEq: case Op::CmpNe: case Op::CmpLtU: case Op::CmpLeU: case Op::CmpLtS: case Op::CmpLeS: {
        if (!ir::is_int(t)) return false;
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
        const unsigned cc = in.aux;
        if (flags_.kind == FlagsKnown::Unknown) {
          a_.mov(x86::rdi, kState);
          a_.mov(x86::esi, cc);
          a_.mov(x86::rax, reinterpret_cast<uint64_t>(&rt_cond));
          a_.call(x86::rax);
          st(in.dst, x86::rax);
          return true;
        }
        // The producer is known: redo it on the recorded operands and read the host's
        // flags, which are the guest's by construction.
        const Type w = flags_.type;
        const unsigned nb = bytes_of(w);
        if (flags_.kind == FlagsKnown::Logic) {
          a_.mov(sized(x86::rax, w), S(ir::kSlotCcDst, nb));
          a_.test(sized(x86::rax, w), sized(x86::rax, w));
        } else {
          a_.mov(sized(x86::rax, w), S(ir::kSlotCcSrc1, nb));
          if (flags_.kind == FlagsKnown::Sub) a_.cmp(sized(x86::rax, w), S(ir::kSlotCcSrc2, nb));
          else a_.add(sized(x86::rax, w), S(ir::kSlotCcSrc2, nb));
        }
        a_.set(static_cast<x86::CondCode>(cc), x86::al);
        a_.movzx(x86::eax, x86::al);
        st(in.dst, x86::rax);
        return true;
      }
      case Op::Addr: {
        if (t != Type::I64 && t != Type::I32) return false;
        ld(x86::rax, in.a);
        ld(x86::rcx, in.b);
        int64_t disp = static_cast<int64_t>(in.imm);
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
      case Op::Load: case Op::Store: {
        if (!ir::is_int(t) || t == Type::I1) return false;
        ld(x86::rcx, in.a);
        int64_t disp = static_cast<int64_t>(in.imm);
        if (disp != static_cast<int32_t>(disp)) {
          a_.mov(x86::rdx, in.imm);
          a_.add(x86::rcx, x86::rdx);
          disp = 0;
        }
        x86::Mem m = x86::ptr(x86::rcx, static_cast<int32_t>(disp), bytes_of(t));
        if (in.op == Op::Load) {
          if (t == Type::I8 || t == Type::I16) a_.movzx(x86::eax, m);
          else a_.mov(sized(x86::rax, t), m);
          st(in.dst, x86::rax);
        } else {
          ld(x86::rax, in.b);
          a_.mov(m, sized(x86::rax, t));
        }
        return true;
      }

      // ---- exits
      case Op::ExitJmp: case Op::ExitCall:
        chain_jmp(in.imm, in.op == Op::ExitJmp ? ir::ExitKind::Jump : ir::ExitKind::Call, false);
        return true;
      case Op::ExitBr:
        a_.test(S(in.a, 1), 1);
        chain_jmp(in.imm, ir::ExitKind::Branch, true);
        chain_jmp(in.imm2, ir::ExitKind::Branch, false);
        return true;
      case Op::ExitInd: {
        // Inline probe of the shared indirect-branch table.
        Label miss = a_.newLabel();
        ld(x86::rax, in.a);
        a_.mov(x86::rcx, x86::rax);
        a_.shr(x86::rcx, codecache::kIbBits);
        a_.xor_(x86::rcx, x86::rax);
        a_.and_(x86::ecx, codecache::kIbEntries - 1);
        a_.shl(x86::rcx, 4);
        a_.mov(x86::rdx, reinterpret_cast<uint64_t>(ib_));
        a_.add(x86::rdx, x86::rcx);
        a_.cmp(x86::rax, x86::qword_ptr(x86::rdx));
        a_.jne(miss);
        a_.jmp(x86::qword_ptr(x86::rdx, 8));
        a_.bind(miss);
        a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
        a_.mov(x86::eax, static_cast<uint32_t>(ir::ExitKind::Indirect));
        a_.jmp(reinterpret_cast<uint64_t>(exit_));
        return true;
      }
      case Op::ExitSyscall: case Op::ExitHlt:
        a_.mov(x86::rax, in.imm);
        a_.mov(x86::qword_ptr(kState, kRipOff), x86::rax);
        a_.mov(x86::eax, static_cast<uint32_t>(in.op == Op::ExitSyscall ? ir::ExitKind::Syscall : ir::ExitKind::Halt));
        a_.jmp(reinterpret_cast<uint64_t>(exit_));
        return true;
      case Op::ExitTrap:
        a_.mov(x86::dword_ptr(kState, kTrapSigOff), static_cast<uint32_t>(in.aux));
        a_.mov(x86::dword_ptr(kState, kTrapCodeOff), 0);
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
  codecache::IbEntry* ib_;
  const uint8_t* exit_;
  codecache::TranslatedBlock& tb_;
  TranslateStats& stats_;
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
  a.jmp(x86::rsi);
  a.align(AlignMode::kCode, 16);
  a.bind(exit);
  a.add(x86::rsp, 8);
  a.pop(x86::r15);
  a.pop(x86::r14);
  a.pop(x86::r13);
  a.pop(x86::r12);
  a.pop(x86::rbp);
  a.pop(x86::rbx);
  a.ret();
  size_t exit_off = code.labelOffsetFromBase(exit);
  uint8_t* rx = place(cache_, code);
  enter_ = reinterpret_cast<EnterFn>(rx);
  exit_ = rx + exit_off;
  cache_.set_reserved();
}

codecache::TranslatedBlock* Translator::translate(const ir::Block& b) {
  auto tb = std::make_unique<codecache::TranslatedBlock>();
  tb->block = &b;
  tb->guest_pc = b.pc;
  CodeHolder code;
  code.init(Environment::host());
  x86::Assembler a(&code);
  Emitter e(a, b, cache_.ib_table(), exit_, *tb, stats_);
  Label trap = a.newLabel();
  e.trap_exit_ = trap;
  e.run();
  uint8_t* rx = place(cache_, code);
  if (!rx) return nullptr;
  tb->code = rx;
  tb->size = static_cast<uint32_t>(code.codeSize());
  for (auto& [off, target] : e.chain_sites_) tb->chains.push_back({off, target, false});
  stats_.blocks++;
  return cache_.insert(std::move(tb));
}

ir::ExitKind Translator::run(ir::MachineState& st, const codecache::TranslatedBlock* tb) {
  return static_cast<ir::ExitKind>(enter_(&st, tb->code));
}

}  // namespace retrace::backend
