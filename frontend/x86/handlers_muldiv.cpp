// Handlers: multiply and divide (mul imul div idiv).
//
//   form                  inputs              outputs
//   mul/imul r/m8         al * src            ax
//   mul/imul r/m16..64    (e/r)ax * src       (e/r)dx : (e/r)ax
//   imul r, r/m           r * src             r        (truncated)
//   imul r, r/m, imm      src * imm           r        (truncated)
//   div/idiv r/m8         ax / src            al = quotient, ah = remainder
//   div/idiv r/m16..64    (e/r)dx:(e/r)ax     (e/r)ax = quotient, (e/r)dx = remainder
//
// Multiplies set CF = OF = "the high half is significant" (for imul: is not the sign
// extension of the low half) through the Mul lazy kind; SF/ZF/PF come from the low
// result and AF is clear (all four are undefined on hardware). Divides leave the flags
// alone (all undefined). DivU/DivS raise #DE (SIGFPE) for a zero divisor or a quotient
// that does not fit, before any register is written, so the fault is precise.
#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

constexpr uint8_t aux_type(Type t) { return static_cast<uint8_t>(t); }

bool plain_width(const Ctx& c, int i) {
  unsigned s = c.ops[i].size;
  return s == 8 || s == 16 || s == 32 || s == 64;
}

ZydisRegister acc_reg(Type t) {
  return t == Type::I16 ? ZYDIS_REGISTER_AX : t == Type::I32 ? ZYDIS_REGISTER_EAX : ZYDIS_REGISTER_RAX;
}
ZydisRegister dx_reg(Type t) {
  return t == Type::I16 ? ZYDIS_REGISTER_DX : t == Type::I32 ? ZYDIS_REGISTER_EDX : ZYDIS_REGISTER_RDX;
}

void set_mul_flags(Ctx& c, Type t, Slot lo, Slot overflow) {
  c.emit(Op::SetCC, Type::Void, lo, overflow, ir::kSlotZero, 0, static_cast<uint8_t>(ir::cc_op(ir::CcKind::Mul, t)));
}

// i1: the full signed product (hi:lo) differs from the sign extension of lo.
Slot signed_overflow(Ctx& c, Type t, Slot lo, Slot hi) {
  Slot sign = c.emit(Op::Sar, t, lo, c.konst(Type::I8, ir::type_bits(t) - 1));
  return c.emit(Op::CmpNe, t, hi, sign);
}

// mul/imul r/m: the accumulator forms.
bool widening_mul(Ctx& c, bool is_signed) {
  Type t = c.type(0);
  Slot src = c.read(0);
  if (t == Type::I8) {
    Op ext = is_signed ? Op::Sext : Op::Zext;
    Slot a = c.emit(ext, Type::I16, c.reg(0), ir::kNoSlot, ir::kNoSlot, 0, aux_type(Type::I8));
    Slot b = c.emit(ext, Type::I16, src, ir::kNoSlot, ir::kNoSlot, 0, aux_type(Type::I8));
    Slot p = c.emit(Op::Mul, Type::I16, a, b);
    Slot ov;
    if (is_signed) {
      Slot low_sx = c.emit(Op::Sext, Type::I16, p, ir::kNoSlot, ir::kNoSlot, 0, aux_type(Type::I8));
      ov = c.emit(Op::CmpNe, Type::I16, p, low_sx);
    } else {
      ov = c.emit(Op::CmpLtU, Type::I16, c.konst(Type::I16, 0xff), p);
    }
    set_mul_flags(c, Type::I8, p, ov);
    c.write_reg(ZYDIS_REGISTER_AX, p);
    return true;
  }
  Slot acc = c.reg(0);
  Slot lo = c.emit(Op::Mul, t, acc, src);
  Slot hi = c.emit(is_signed ? Op::MulHiS : Op::MulHiU, t, acc, src);
  Slot ov = is_signed ? signed_overflow(c, t, lo, hi) : c.emit(Op::CmpNe, t, hi, ir::kSlotZero);
  set_mul_flags(c, t, lo, ov);
  c.write_reg(acc_reg(t), lo);
  c.write_reg(dx_reg(t), hi);
  return true;
}

bool divide(Ctx& c, bool is_signed) {
  if (c.nops() != 1 || !(c.is_reg(0) || c.is_mem(0)) || !plain_width(c, 0)) return false;
  Type t = c.type(0);
  Op op = is_signed ? Op::DivS : Op::DivU;
  Slot divisor = c.read(0);
  Slot rax = c.reg(0);
  if (t == Type::I8) {
    Slot ah = c.emit(Op::Extract8H, Type::I8, rax);
    Slot q = c.emit(op, Type::I8, ah, rax, divisor);
    c.write_reg(ZYDIS_REGISTER_AL, q);
    c.write_reg(ZYDIS_REGISTER_AH, static_cast<Slot>(q + 1));
    return true;
  }
  Slot q = c.emit(op, t, c.reg(2), rax, divisor);
  c.write_reg(acc_reg(t), q);
  c.write_reg(dx_reg(t), static_cast<Slot>(q + 1));
  return true;
}

}  // namespace

bool h_mul(Ctx& c) {
  if (c.nops() != 1 || !(c.is_reg(0) || c.is_mem(0)) || !plain_width(c, 0)) return false;
  return widening_mul(c, false);
}

bool h_imul(Ctx& c) {
  if (c.nops() == 1) {
    if (!(c.is_reg(0) || c.is_mem(0)) || !plain_width(c, 0)) return false;
    return widening_mul(c, true);
  }
  if (c.nops() != 2 && c.nops() != 3) return false;
  if (!c.is_reg(0) || !plain_width(c, 0)) return false;
  Type t = c.type(0);
  if (t == Type::I8) return false;
  Slot a, b;
  if (c.nops() == 2) {
    a = c.read(0);
    b = c.read_as(1, t);
  } else {
    if (!c.is_imm(2)) return false;
    a = c.read_as(1, t);
    b = c.read_as(2, t);  // imm8/imm16/imm32 sign-extended to the operand size
  }
  Slot lo = c.emit(Op::Mul, t, a, b);
  Slot hi = c.emit(Op::MulHiS, t, a, b);
  Slot ov = signed_overflow(c, t, lo, hi);
  set_mul_flags(c, t, lo, ov);
  c.write(0, lo);
  return true;
}

bool h_div(Ctx& c) { return divide(c, false); }
bool h_idiv(Ctx& c) { return divide(c, true); }

}  // namespace retrace::x86
