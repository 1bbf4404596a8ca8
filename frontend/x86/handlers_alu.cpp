// Handlers: integer ALU (add adc sub sbb and or xor cmp test inc dec neg not).
//
// Flag-setting forms use the fused lazy-flag ops (AddF, SubF, ...); the deadflags pass
// downgrades them when a later instruction overwrites the flags unread. `lock` forms with
// a memory destination use AtomicRMW and recompute the flags from the old value.
#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

bool atomic_form(Ctx& c) { return c.lock() && c.is_mem(0); }

// op0 = op0 OP op1, flags from OP.
bool binop(Ctx& c, Op flag_op, ir::AtomicOp aop, bool has_atomic, bool write_back = true) {
  if (c.nops() < 2) return false;
  Type t = c.type(0);
  if (atomic_form(c) && write_back) {
    if (!has_atomic) return false;
    Slot src = c.read_as(1, t);
    Slot old = c.emit(Op::AtomicRMW, t, c.addr(0), src, ir::kNoSlot, 0, static_cast<uint8_t>(aop));
    c.emit(flag_op, t, old, src);  // same flags as the non-atomic form
    return true;
  }
  Slot a = c.read(0);
  Slot b = c.read_as(1, t);
  Slot r = c.emit(flag_op, t, a, b);
  if (write_back) c.write(0, r);
  return true;
}

// lock neg: the host has no atomic form of it, so the new value goes in with a
// compare-and-swap against the value read, and when another thread changed the memory in
// between, a side exit runs the instruction again (nothing is written yet: memory kept its
// value, and the flags are set only after the swap).
void locked_update(Ctx& c, Type t, Slot old, Slot value) {
  const Slot got = c.emit(Op::CmpXchg, t, c.addr(0), old, value);
  c.emit(Op::ExitIf, Type::Void, c.emit(Op::CmpNe, t, got, old), ir::kNoSlot, ir::kNoSlot, c.pc);
}

bool carry_op(Ctx& c, Op flag_op) {
  if (c.nops() < 2) return false;
  Type t = c.type(0);
  Slot b = c.read_as(1, t);
  Slot cf = c.emit(Op::GetCF, Type::I1);
  if (c.is_mem(0) && c.lock()) {
    // lock adc/sbb: an atomic add (subtract) of b + CF gives the memory a + b + CF (a - b -
    // CF) modulo 2^n, b + CF wrapping included; the flags come from the old value it returns.
    const Slot cf_t = c.emit(Op::Zext, t, cf, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I1));
    const bool adc = flag_op == Op::AdcF;
    const Slot old = c.emit(Op::AtomicRMW, t, c.addr(0), c.emit(Op::Add, t, b, cf_t), ir::kNoSlot, 0,
                            static_cast<uint8_t>(adc ? ir::AtomicOp::Add : ir::AtomicOp::Sub));
    c.emit(flag_op, t, old, b, cf);
    return true;
  }
  Slot r = c.emit(flag_op, t, c.read(0), b, cf);
  c.write(0, r);
  return true;
}

bool incdec(Ctx& c, bool inc) {
  Type t = c.type(0);
  if (atomic_form(c)) {
    Slot one = c.konst(t, 1);
    Slot old = c.emit(Op::AtomicRMW, t, c.addr(0), one, ir::kNoSlot, 0,
                      static_cast<uint8_t>(inc ? ir::AtomicOp::Add : ir::AtomicOp::Sub));
    c.emit(inc ? Op::IncF : Op::DecF, t, old);
    return true;
  }
  Slot r = c.emit(inc ? Op::IncF : Op::DecF, t, c.read(0));
  c.write(0, r);
  return true;
}

}  // namespace

bool h_add(Ctx& c) { return binop(c, Op::AddF, ir::AtomicOp::Add, true); }
bool h_sub(Ctx& c) { return binop(c, Op::SubF, ir::AtomicOp::Sub, true); }
bool h_and(Ctx& c) { return binop(c, Op::AndF, ir::AtomicOp::And, true); }
bool h_or(Ctx& c) { return binop(c, Op::OrF, ir::AtomicOp::Or, true); }
bool h_xor(Ctx& c) {
  // xor r, r is the zeroing idiom: no load of the old value is needed.
  if (c.is_reg(0) && c.is_reg(1) && c.ops[0].reg.value == c.ops[1].reg.value) {
    Type t = c.type(0);
    Slot z = c.konst(t, 0);
    Slot r = c.emit(Op::XorF, t, z, z);
    c.write(0, r);
    return true;
  }
  return binop(c, Op::XorF, ir::AtomicOp::Xor, true);
}
bool h_cmp(Ctx& c) { return binop(c, Op::SubF, ir::AtomicOp::Sub, false, false); }
bool h_test(Ctx& c) { return binop(c, Op::AndF, ir::AtomicOp::And, false, false); }
bool h_adc(Ctx& c) { return carry_op(c, Op::AdcF); }
bool h_sbb(Ctx& c) { return carry_op(c, Op::SbbF); }
bool h_inc(Ctx& c) { return incdec(c, true); }
bool h_dec(Ctx& c) { return incdec(c, false); }

bool h_neg(Ctx& c) {
  Type t = c.type(0);
  Slot a = c.read(0);
  if (c.is_mem(0) && c.lock()) {
    locked_update(c, t, a, c.emit(Op::Sub, t, ir::kSlotZero, a));
    c.emit(Op::NegF, t, a);
    return true;
  }
  Slot r = c.emit(Op::NegF, t, a);
  c.write(0, r);
  return true;
}

bool h_not(Ctx& c) {
  Type t = c.type(0);
  if (atomic_form(c)) {
    c.emit(Op::AtomicRMW, t, c.addr(0), c.konst(t, ~0ull), ir::kNoSlot, 0, static_cast<uint8_t>(ir::AtomicOp::Xor));
    return true;
  }
  c.write(0, c.emit(Op::Not, t, c.read(0)));
  return true;
}

}  // namespace retrace::x86
