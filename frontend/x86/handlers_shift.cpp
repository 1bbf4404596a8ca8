// Handlers: shifts and rotates (shl/sal shr sar rol ror rcl rcr shld shrd).
//
// Every form (by 1, by imm8, by cl; 8/16/32/64-bit; register, high-8 register or memory
// destination) maps onto one flag-setting IR op, which already implements x86's count
// masking (5 bits, 6 for 64-bit), the rcl/rcr modulo for 8/16-bit, and "count 0 leaves
// the flags alone". The handler only reads the operands and writes the result back.
//
// The result is written even when the count is 0: a 32-bit register destination is then
// zero-extended, as on hardware; a memory destination stores its own value back.
#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

bool in_width(Type t, const Ctx& c, int i) {
  unsigned s = c.ops[i].size;
  return (s == 8 || s == 16 || s == 32 || s == 64) && ir::type_bits(t) == s;
}

// The count operand: the explicit imm8 or cl (Zydis gives the "1" of D0/D1 as an
// immediate operand too); count ops mask it themselves.
Slot count_operand(Ctx& c, int i) {
  if (i < c.insn.operand_count && (c.is_imm(i) || c.is_reg(i))) return c.read_as(i, Type::I8);
  return c.konst(Type::I8, 1);
}

bool shift(Ctx& c, Op op) {
  if (c.nops() < 1 || !(c.is_reg(0) || c.is_mem(0))) return false;
  Type t = c.type(0);
  if (!in_width(t, c, 0)) return false;
  Slot v = c.read(0);
  Slot n = count_operand(c, 1);
  c.write(0, c.emit(op, t, v, n));
  return true;
}

// shld/shrd dst, src, imm8|cl: dst shifted, filled from src.
bool double_shift(Ctx& c, Op op) {
  if (c.nops() < 3 || !(c.is_reg(0) || c.is_mem(0)) || !c.is_reg(1)) return false;
  Type t = c.type(0);
  if (!in_width(t, c, 0) || t == Type::I8) return false;
  Slot v = c.read(0);
  Slot fill = c.read(1);
  Slot n = count_operand(c, 2);
  c.write(0, c.emit(op, t, v, fill, n));
  return true;
}

}  // namespace

bool h_shl(Ctx& c) { return shift(c, Op::ShlF); }
bool h_shr(Ctx& c) { return shift(c, Op::ShrF); }
bool h_sar(Ctx& c) { return shift(c, Op::SarF); }
bool h_rol(Ctx& c) { return shift(c, Op::RolF); }
bool h_ror(Ctx& c) { return shift(c, Op::RorF); }
bool h_rcl(Ctx& c) { return shift(c, Op::RclF); }
bool h_rcr(Ctx& c) { return shift(c, Op::RcrF); }
bool h_shld(Ctx& c) { return double_shift(c, Op::ShldF); }
bool h_shrd(Ctx& c) { return double_shift(c, Op::ShrdF); }

}  // namespace retrace::x86
