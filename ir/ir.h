// retrace IR: types, the op table, instructions and blocks.
//
// One IR serves every guest: x86 (16/32/64-bit) today, JVM bytecode and real-mode PC
// guests later. An IR block is a straight-line list of instructions over *slots*,
// ending in exactly one exit (terminator). docs/ir.md is the long form; the short form:
//
//   slot space (uint64_t each, one array per guest thread, see MachineState):
//
//     0 .. 15   guest GPRs rax rcx rdx rbx rsp rbp rsi rdi r8 .. r15   (globals)
//     16        constant zero (reads as 0; used as "no base/index")
//     17, 18    FS base, GS base                                         (globals)
//     19 .. 22  lazy flags: cc_op, cc_dst, cc_src1, cc_src2            (globals)
//     23        control flags: DF, IF, AC, ID and bit 1 of RFLAGS         (global)
//     24        MXCSR                                                     (global)
//     25 .. 30  segment bases es cs ss ds (PC guests), reserved
//     32 .. 63  xmm0 .. xmm15, two slots each (low qword, high qword)     (globals)
//     64 ..     temporaries of the current block, each defined exactly once (SSA);
//               a v128 temporary takes two consecutive slots
//
// Guest registers are operands like temporaries (as QEMU TCG globals), so `add rax, rbx`
// is one instruction `%rax:i64 = addf %rax, %rbx`. A value of type iN < i64 is kept
// zero-extended in its slot; operands are read at the instruction's width. Writing an i32
// result to a GPR slot therefore has x86's zero-extension semantics for free; 8- and
// 16-bit register writes go through Merge8L/Merge8H/Merge16.
//
//   Inst (32 bytes):
//   +----+------+-----+------+-----+-----+-----+-----+--------+-----------+-----------+
//   | op | type | aux | aux2 | dst |  a  |  b  |  c  | (pad)  |    imm    |   imm2    |
//   | u8 |  u8  | u8  |  u8  | u16 | u16 | u16 | u16 |  u32   |    u64    |    u64    |
//   +----+------+-----+------+-----+-----+-----+-----+--------+-----------+-----------+
#pragma once

#include <cstdint>
#include <string>
#include <vector>
#include <atomic>

namespace retrace::ir {

enum class Type : uint8_t { Void, I1, I8, I16, I32, I64, F32, F64, V128, Addr };
const char* type_name(Type t);
inline constexpr unsigned type_bits(Type t) {
  switch (t) {
    case Type::I1: return 1;
    case Type::I8: return 8;
    case Type::I16: return 16;
    case Type::I32: case Type::F32: return 32;
    case Type::I64: case Type::F64: case Type::Addr: return 64;
    case Type::V128: return 128;
    default: return 0;
  }
}
inline constexpr uint64_t type_mask(Type t) {
  unsigned b = type_bits(t);
  return b >= 64 ? ~0ull : ((1ull << b) - 1);
}
inline constexpr bool is_int(Type t) {
  return t == Type::I1 || t == Type::I8 || t == Type::I16 || t == Type::I32 || t == Type::I64 ||
         t == Type::Addr;
}
inline constexpr Type int_type(unsigned bits) {
  return bits == 8 ? Type::I8 : bits == 16 ? Type::I16 : bits == 32 ? Type::I32 : Type::I64;
}

enum class Op : uint8_t {
#define OP(name, nargs, props) name,
#include "ir/ops.def"
#undef OP
  Count
};
inline constexpr unsigned kNumOps = static_cast<unsigned>(Op::Count);

namespace prop {
inline constexpr uint16_t R = 1, SE = 2, T = 4, C = 8, F = 16, RF = 32, M = 64, TR = 128, R2 = 256;
}

struct OpInfo {
  const char* name;
  uint8_t nargs;
  uint16_t props;
};
extern const OpInfo kOpInfo[kNumOps];
inline const OpInfo& info(Op op) { return kOpInfo[static_cast<unsigned>(op)]; }
inline bool has(Op op, uint16_t p) { return (info(op).props & p) != 0; }

using Slot = uint16_t;
inline constexpr Slot kNoSlot = 0xffff;
inline constexpr Slot kSlotZero = 16;
inline constexpr Slot kSlotFsBase = 17;
inline constexpr Slot kSlotGsBase = 18;
inline constexpr Slot kSlotCcOp = 19;
inline constexpr Slot kSlotCcDst = 20;
inline constexpr Slot kSlotCcSrc1 = 21;
inline constexpr Slot kSlotCcSrc2 = 22;
inline constexpr Slot kSlotCtlFlags = 23;
inline constexpr Slot kSlotMxcsr = 24;
inline constexpr Slot kSlotSegBase = 25;  // es, cs, ss, ds bases for PC guests: 25..28
inline constexpr Slot kSlotXmm = 32;      // xmm i occupies slots 32 + 2i (low), 33 + 2i (high)
inline constexpr Slot xmm_slot(unsigned i) { return static_cast<Slot>(kSlotXmm + 2 * i); }
inline constexpr Slot kFirstTemp = 64;
inline constexpr unsigned kMaxTemps = 4096;
inline constexpr unsigned kNumSlots = kFirstTemp + kMaxTemps;
inline constexpr bool is_temp(Slot s) { return s >= kFirstTemp && s != kNoSlot; }
std::string slot_name(Slot s);

// Lazy-flag kinds. cc_op = kind << 2 | log2(bytes of the operation).
enum class CcKind : uint8_t {
  Eager,   // cc_dst holds the RFLAGS status bits
  Add, Sub,  // cc_src1, cc_src2 (cc_dst is not read: readers recompute the result)
  Adc, Sbb, Logic, Inc, Dec, Shl, Shr, Sar,
  Mul,     // CF = OF = cc_src1 (0/1); SF/ZF/PF from cc_dst
  Blsi,    // CF = src != 0
  Blsr,    // CF = src == 0 (blsr)
  Blsmsk,  // CF = src == 0, ZF = 0
  Bzhi,    // CF = cc_src1 (0/1)
  Lzcnt,   // CF = src == 0, ZF = result == 0 (lzcnt, tzcnt)
  Bsf,     // ZF = src == 0 (bsf, bsr)
  Popcnt,  // all clear but ZF = src == 0
};
// GetFlags's aux: the flags are read only to be kept across an instruction that defines
// CF alone (bt, bts, btr, btc). pass_deadflags turns the read into 0 when nothing reads
// any flag but CF before the next full definition.
inline constexpr uint8_t kGetFlagsKeepForCf = 1;
inline constexpr uint64_t cc_op(CcKind k, Type t) {
  unsigned lg = t == Type::I8 ? 0 : t == Type::I16 ? 1 : t == Type::I32 ? 2 : 3;
  return (static_cast<uint64_t>(k) << 2) | lg;
}

namespace rflags {
inline constexpr uint64_t CF = 1 << 0, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7,
                          TF = 1 << 8, IF = 1 << 9, DF = 1 << 10, OF = 1 << 11, AC = 1 << 18,
                          ID = 1 << 21;
inline constexpr uint64_t kStatus = CF | PF | AF | ZF | SF | OF;
inline constexpr uint64_t kFixed = 0x2;
}  // namespace rflags

// Condition codes in x86 encoding order (the low nibble of jcc/setcc/cmovcc).
enum class Cc : uint8_t { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };

enum class AtomicOp : uint8_t { Xchg, Add, Sub, And, Or, Xor };
// String ops: aux = kind | rep << 4 (rep: 0 none, 1 rep/repe, 2 repne).
enum class StringOp : uint8_t { Movs, Stos, Lods, Scas, Cmps };
enum class ExitHint : uint8_t { Jmp, Call, Ret, Side };  // Side: an ExitIf taken (Exit::hint)

struct Inst {
  Op op = Op::Const;
  Type type = Type::Void;
  uint8_t aux = 0;
  uint8_t aux2 = 0;
  Slot dst = kNoSlot;
  Slot a = kNoSlot, b = kNoSlot, c = kNoSlot;
  uint32_t pad = 0;
  uint64_t imm = 0;
  uint64_t imm2 = 0;
};
static_assert(sizeof(Inst) == 32, "Inst layout is part of the interpreter's hot path");

// A guest instruction's first IR instruction, for mapping faults back to guest pcs. The
// instruction's guest pc is the block's pc plus off (Block::mark_pc): 8 bytes a mark.
struct InsnMark {
  uint32_t first_inst;
  uint32_t off;
};

// Profile counters: written by one thread's dispatcher at a time in practice; relaxed
// load+store keeps them free of data races without a locked RMW on the hot path.
struct Counter {
  std::atomic<uint64_t> v{0};
  void inc(uint64_t n = 1) { v.store(v.load(std::memory_order_relaxed) + n, std::memory_order_relaxed); }
  uint64_t get() const { return v.load(std::memory_order_relaxed); }
};

struct Block {
  // (Fields ordered so that no padding falls between them: a large program keeps hundreds
  // of thousands of these.)
  uint64_t pc = 0;   // first guest byte
  uint64_t end = 0;  // one past the last guest byte
  std::vector<Inst> insts;
  std::vector<InsnMark> marks;
  // Its current native translation (a codecache::TranslatedBlock), kept by the code cache:
  // set when one is inserted, cleared when it is removed or the cache is flushed.
  mutable const void* native = nullptr;
  // Self-checking block (its page is written too often to write-protect): the guest bytes
  // it was decoded from, compared before it runs.
  std::vector<uint8_t> check_bytes;

  // Profile (block, edge) and interpreter-level chaining.
  Counter exec_count;
  Counter edge_taken;     // ExitBr taken / ExitJmp / ExitCall
  Counter edge_fallthru;  // ExitBr not taken
  std::atomic<Block*> succ[2] = {nullptr, nullptr};  // (an indirect exit: its last target in [0])
  // Set by the tier-up from the indirect-target profile: the target an indirect jmp or
  // call ending this block (not a ret) went to nearly every time in the interpreter
  // (0: none). The native tier compares against it and chains straight there.
  uint64_t ind_predict = 0;

  Slot next_temp = kFirstTemp;
  // Set by the tier-up when every successor redefines the flags before reading them:
  // deadflags may then drop the block's last flag computation too.
  bool flags_dead_at_exit = false;
  // The optimising passes have run (at decode, or deferred to the tier-up: most blocks
  // run too few times for them to pay off in the interpreter).
  bool optimized = false;
  // Decoded from a page the guest may write (JIT code): other blocks link to it only
  // through its pending-exit check and do not rely on its flag liveness.
  bool writable_code = false;
  // Invalidated: kept alive only because other blocks' succ pointers may still name it.
  bool dead = false;
  // Decoded as a superblock (conditional branches as side exits, DecodeOptions::side_exits).
  bool superblock = false;
  // Its IR names a host address of retrace's own (maskmov's sink): the same bytes decode
  // differently in another run, so the persistent decode cache does not keep it.
  bool host_addresses = false;
  // Set at tier-up: the block defines every status flag before anything can read or
  // observe the ones it is entered with (ir::incoming_flags, through the blocks a
  // pass-through leads to). Its translation may then go in the indirect-branch table
  // pairs that exits leaving the flags unstored probe (codecache::CodeCache::ib_table).
  bool kills_flags_in = false;

  const Inst& terminator() const { return insts.back(); }
  uint64_t mark_pc(size_t m) const { return pc + marks[m].off; }  // guest pc of mark m
  uint64_t pc_of_inst(size_t index) const;  // guest pc of the instruction holding inst index
};

class Builder {
 public:
  explicit Builder(Block& b) : b_(b) {}
  Slot temp(unsigned count = 1) {
    Slot s = b_.next_temp;
    b_.next_temp = static_cast<Slot>(b_.next_temp + count);
    return s;
  }
  bool out_of_temps(unsigned margin) const { return b_.next_temp + margin >= kNumSlots; }
  // Appends an instruction; allocates a destination temp when the op produces a value.
  // (Inline: the frontend emits a few instructions for every guest instruction it decodes.)
  Slot emit(Op op, Type t, Slot a = kNoSlot, Slot b = kNoSlot, Slot c = kNoSlot, uint64_t imm = 0,
            uint8_t aux = 0, uint64_t imm2 = 0) {
    Slot dst = kNoSlot;
    if (has(op, prop::R)) dst = temp((has(op, prop::R2) ? 2 : 1) * (t == Type::V128 ? 2 : 1));
    emit_to(dst, op, t, a, b, c, imm, aux, imm2);
    return dst;
  }
  // Appends an instruction writing an explicit destination (a guest register slot).
  void emit_to(Slot dst, Op op, Type t, Slot a = kNoSlot, Slot b = kNoSlot, Slot c = kNoSlot,
               uint64_t imm = 0, uint8_t aux = 0, uint64_t imm2 = 0) {
    Inst& in = b_.insts.emplace_back();
    in.op = op;
    in.type = t;
    in.aux = aux;
    in.dst = dst;
    in.a = a;
    in.b = b;
    in.c = c;
    in.imm = imm;
    in.imm2 = imm2;
  }
  // For ops naming a table row by a 16-bit id in aux | aux2 << 8 (Vec*, X87).
  Slot emit_id(Op op, Type t, Slot a, Slot b, uint16_t id, uint64_t imm = 0) {
    Slot d = emit(op, t, a, b, kNoSlot, imm, static_cast<uint8_t>(id & 0xff));
    b_.insts.back().aux2 = static_cast<uint8_t>(id >> 8);
    return d;
  }
  Slot konst(Type t, uint64_t v) { return emit(Op::Const, t, kNoSlot, kNoSlot, kNoSlot, v & type_mask(t)); }
  // (The block's pc is set first: marks hold offsets from it.)
  void mark(uint64_t pc) { b_.marks.push_back({static_cast<uint32_t>(b_.insts.size()), static_cast<uint32_t>(pc - b_.pc)}); }
  Block& block() { return b_; }
  size_t size() const { return b_.insts.size(); }

 private:
  Block& b_;
};

std::string print(const Inst& in);
std::string print(const Block& b);
// Returns an empty string when the block is well formed, else what is wrong and where.
std::string verify(const Block& b);

}  // namespace retrace::ir
