// Handlers: push, pop, pushf, popf, enter, leave.
#include "frontend/x86/context.h"

namespace retrace::x86 {

bool h_push(Ctx& c) {
  if (c.is_reg(0) && ZydisRegisterGetClass(c.ops[0].reg.value) == ZYDIS_REGCLASS_SEGMENT) {
    c.why = "segment register push";
    return false;
  }
  Type t = ir::int_type(c.insn.operand_width);
  c.push(c.read_as(0, t), t);
  return true;
}

bool h_pop(Ctx& c) {
  if (c.is_reg(0) && ZydisRegisterGetClass(c.ops[0].reg.value) == ZYDIS_REGCLASS_SEGMENT) {
    c.why = "segment register pop";
    return false;
  }
  Type t = ir::int_type(c.insn.operand_width);
  // The value is loaded and rsp bumped before the destination is written; a memory
  // destination's address uses the incremented rsp (as the SDM specifies).
  c.write(0, c.pop(t));
  return true;
}

bool h_pushf(Ctx& c) {
  Type t = ir::int_type(c.insn.operand_width);
  c.push(c.emit(Op::GetFlags, t), t);
  return true;
}

bool h_popf(Ctx& c) {
  Type t = ir::int_type(c.insn.operand_width);
  Slot v = c.pop(t);
  if (t == Type::I16) {
    // popf (16-bit) keeps the upper flag bits.
    Slot cur = c.emit(Op::GetFlags, Type::I64);
    v = c.emit(Op::Merge16, Type::I64, cur, v);
  }
  c.emit(Op::SetFlags, Type::Void, v);
  return true;
}

bool h_enter(Ctx& c) {
  Type st = c.stack_type();
  uint64_t size = c.ops[0].imm.value.u & 0xffff;
  unsigned level = static_cast<unsigned>(c.ops[1].imm.value.u & 31);
  unsigned bytes = ir::type_bits(st) / 8;
  Slot rsp = c.reg(4), rbp = c.reg(5);
  c.push(rbp, st);
  Slot frame = c.emit(Op::Mov, Type::I64, rsp);
  if (level > 0) {
    for (unsigned i = 1; i < level; ++i) {
      Slot p = c.emit(Op::Load, st, rbp, ir::kNoSlot, ir::kNoSlot, static_cast<uint64_t>(-static_cast<int64_t>(i * bytes)));
      c.push(p, st);
    }
    c.push(frame, st);
  }
  c.emit_to(rbp, Op::Mov, Type::I64, frame);
  if (size) c.emit_to(rsp, Op::Sub, Type::I64, rsp, c.konst(Type::I64, size));
  return true;
}

bool h_leave(Ctx& c) {
  Type st = c.stack_type();
  Slot rsp = c.reg(4), rbp = c.reg(5);
  c.emit_to(rsp, Op::Mov, Type::I64, rbp);
  Slot v = c.pop(st);
  c.emit_to(rbp, Op::Mov, Type::I64, v);
  return true;
}

}  // namespace retrace::x86
