// IR tables generated from ops.def, the builder, the printer and the verifier.
#include "ir/ir.h"

#include "ir/vecops.h"
#include "ir/x87.h"

#include <cstdio>

namespace retrace::ir {

using namespace prop;
const OpInfo kOpInfo[kNumOps] = {
#define OP(name, nargs, props) {#name, nargs, static_cast<uint16_t>(props)},
#include "ir/ops.def"
#undef OP
};

const char* type_name(Type t) {
  static const char* names[] = {"void", "i1", "i8", "i16", "i32", "i64", "f32", "f64", "v128", "addr"};
  return names[static_cast<unsigned>(t)];
}

std::string slot_name(Slot s) {
  static const char* gpr[16] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
  static const char* glob[] = {"zero", "fsbase", "gsbase", "cc_op", "cc_dst", "cc_src1", "cc_src2", "ctlflags"};
  if (s == kNoSlot) return "_";
  if (s < 16) return std::string("%") + gpr[s];
  if (s < kSlotCtlFlags + 1) return std::string("%") + glob[s - 16];
  if (s == kSlotMxcsr) return "%mxcsr";
  if (s >= kSlotXmm && s < kFirstTemp)
    return "%xmm" + std::to_string((s - kSlotXmm) / 2) + ((s - kSlotXmm) % 2 ? ".hi" : "");
  if (s < kFirstTemp) return "%g" + std::to_string(s);
  return "%t" + std::to_string(s - kFirstTemp);
}

uint64_t Block::pc_of_inst(size_t index) const {
  uint64_t pc_at = pc;
  for (const auto& m : marks) {
    if (m.first_inst > index) break;
    pc_at = pc + m.off;
  }
  return pc_at;
}

std::string print(const Inst& in) {
  std::string s;
  const OpInfo& oi = info(in.op);
  if (in.dst != kNoSlot) {
    s += slot_name(in.dst);
    if (has(in.op, R2)) s += "," + slot_name(static_cast<Slot>(in.dst + 1));
    s += std::string(":") + type_name(in.type) + " = ";
  }
  for (const char* p = oi.name; *p; ++p) s += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  if (in.dst == kNoSlot && in.type != Type::Void) s += std::string(".") + type_name(in.type);
  const Slot args[3] = {in.a, in.b, in.c};
  for (unsigned i = 0; i < oi.nargs; ++i) s += (i ? ", " : " ") + slot_name(args[i]);
  char buf[96];
  const unsigned row = static_cast<unsigned>(in.aux) | static_cast<unsigned>(in.aux2) << 8;
  if ((in.op == Op::Vec || in.op == Op::VecToInt || in.op == Op::VecFlags || in.op == Op::IntToVec) &&
      row < static_cast<unsigned>(VecOp::Count)) {
    s += std::string(" [") + vec_info(row).name + "]";
  } else if (in.op == Op::X87 && row < static_cast<unsigned>(X87Op::Count)) {
    s += std::string(" [") + kX87Ops[row].name + "]";
  } else if (in.aux || in.op == Op::Cond || in.op == Op::Addr) {
    snprintf(buf, sizeof buf, " [aux=%u]", in.aux);
    s += buf;
  }
  if (in.imm || in.op == Op::Const || has(in.op, prop::T)) {
    snprintf(buf, sizeof buf, " #0x%llx", static_cast<unsigned long long>(in.imm));
    s += buf;
  }
  if (in.imm2) {
    snprintf(buf, sizeof buf, " #0x%llx", static_cast<unsigned long long>(in.imm2));
    s += buf;
  }
  return s;
}

std::string print(const Block& b) {
  char buf[64];
  snprintf(buf, sizeof buf, "block 0x%llx..0x%llx:\n", static_cast<unsigned long long>(b.pc),
           static_cast<unsigned long long>(b.end));
  std::string s = buf;
  size_t m = 0;
  for (size_t i = 0; i < b.insts.size(); ++i) {
    while (m < b.marks.size() && b.marks[m].first_inst == i) {
      snprintf(buf, sizeof buf, "  ; guest 0x%llx\n", static_cast<unsigned long long>(b.mark_pc(m)));
      s += buf;
      ++m;
    }
    s += "  " + print(b.insts[i]) + "\n";
  }
  return s;
}

std::string verify(const Block& b) {
  auto fail = [&](size_t i, const std::string& what) {
    return "inst " + std::to_string(i) + " (" + (i < b.insts.size() ? print(b.insts[i]) : "") + "): " + what;
  };
  if (b.insts.empty()) return "block is empty";
  if (b.next_temp > kNumSlots) return "block uses more temps than a frame holds";
  std::vector<uint8_t> defined(kNumSlots + 4, 0);
  for (Slot s = 0; s < kFirstTemp; ++s) defined[s] = 1;
  for (size_t i = 0; i < b.insts.size(); ++i) {
    const Inst& in = b.insts[i];
    if (static_cast<unsigned>(in.op) >= kNumOps) return fail(i, "unknown op");
    const OpInfo& oi = info(in.op);
    const Slot args[3] = {in.a, in.b, in.c};
    for (unsigned k = 0; k < 3; ++k) {
      if (k < oi.nargs) {
        if (args[k] == kNoSlot || args[k] >= b.next_temp) return fail(i, "operand out of range");
        if (!defined[args[k]]) return fail(i, "operand " + slot_name(args[k]) + " used before definition");
      } else if (args[k] != kNoSlot) {
        return fail(i, "operand given to an op that takes " + std::to_string(oi.nargs));
      }
    }
    bool term = has(in.op, prop::T);
    if (term != (i + 1 == b.insts.size())) return fail(i, term ? "terminator before the end" : "block does not end in an exit");
    if (has(in.op, prop::R)) {
      if (in.dst == kNoSlot || in.dst >= b.next_temp) return fail(i, "missing or out-of-range destination");
      if (in.dst == kSlotZero) return fail(i, "writes the constant-zero slot");
      unsigned n = (has(in.op, prop::R2) ? 2 : 1) * (in.type == Type::V128 ? 2 : 1);
      for (unsigned k = 0; k < n; ++k) {
        Slot d = static_cast<Slot>(in.dst + k);
        if (is_temp(d)) {
          if (defined[d]) return fail(i, "temp " + slot_name(d) + " defined twice");
          defined[d] = 1;
        }
      }
      if (in.type == Type::Void) return fail(i, "value-producing op without a type");
    } else if (in.dst != kNoSlot) {
      return fail(i, "destination given to an op without a result");
    }
    if (has(in.op, prop::R)) {
      unsigned n = (has(in.op, prop::R2) ? 2 : 1) * (in.type == Type::V128 ? 2 : 1);
      if (in.dst + n > b.next_temp) return fail(i, "multi-slot destination runs past the block's temps");
    }
    if (in.op == Op::Const && is_int(in.type) && (in.imm & ~type_mask(in.type)) != 0)
      return fail(i, "constant wider than its type");
    if ((in.op == Op::Merge8L || in.op == Op::Merge8H || in.op == Op::Merge16) && in.type != Type::I64)
      return fail(i, "partial-register merge must be i64");
    if (in.op == Op::Addr && in.aux > 3) return fail(i, "address scale shift above 3");
    if (in.op == Op::Cond && in.aux > 15) return fail(i, "condition code above 15");
    if ((in.op == Op::Load || in.op == Op::Store) && !is_int(in.type) && in.type != Type::F32 &&
        in.type != Type::F64 && in.type != Type::V128)
      return fail(i, "memory access of a non-scalar type");
  }
  return {};
}

}  // namespace retrace::ir
