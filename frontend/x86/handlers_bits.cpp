// Handlers: bit operations (bt bts btr btc bsf bsr lzcnt tzcnt popcnt) and BMI1/BMI2
// (andn bextr blsi blsr blsmsk bzhi pdep pext sarx shlx shrx rorx mulx).
//
// Bit tests with a memory base and a *register* offset address memory outside the
// operand: the offset is a signed integer of the operand width, and the operand actually
// accessed is the one holding that bit:
//
//     ea  = base + (sext(offset) >> log2(width)) * (width / 8)     (arithmetic shift)
//     bit = offset & (width - 1)
//
// With an immediate offset, or a register base, the offset is taken modulo the width.
// BT* set CF to the selected bit and keep ZF (the other status flags are undefined and
// kept too): the flags image is read, CF replaced, and written back as an Eager state.
//
// Flags of the BMI group follow the lazy kinds in ir/flags.cpp (see compute_flags):
//   andn, bextr: Logic (SF ZF from the result, CF = OF = 0)
//   blsi, blsr, blsmsk, bzhi: their own kinds (CF rules differ)
//   lzcnt, tzcnt: Lzcnt (CF = source == 0, ZF = result == 0)
//   bsf, bsr: Bsf (ZF = source == 0); popcnt: Popcnt
// pdep pext sarx shlx shrx rorx mulx leave the flags alone.
//
// Guest registers are read as their live slots, not copies, so every handler records
// its flags (SetCC reads its operands when it runs) before writing any result back.
#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

using ir::CcKind;

constexpr uint8_t aux_type(Type t) { return static_cast<uint8_t>(t); }

bool plain_width(const Ctx& c, int i) {
  unsigned s = c.ops[i].size;
  return s == 8 || s == 16 || s == 32 || s == 64;
}
bool reg_or_mem(const Ctx& c, int i) { return c.is_reg(i) || c.is_mem(i); }

// Operand shape check: `n` visible operands, all register/memory of a plain width
// (the last one may be an immediate when `last_imm`), the first a register.
bool shape(const Ctx& c, unsigned n, bool last_imm = false) {
  if (c.nops() != n || !c.is_reg(0)) return false;
  for (unsigned i = 0; i < n; ++i) {
    bool imm_ok = last_imm && i + 1 == n;
    if (imm_ok ? !c.is_imm(static_cast<int>(i)) : !reg_or_mem(c, static_cast<int>(i))) return false;
    if (!imm_ok && !plain_width(c, static_cast<int>(i))) return false;
  }
  return true;
}

void set_cc(Ctx& c, CcKind k, Type t, Slot dst, Slot src1, Slot src2 = ir::kSlotZero) {
  c.emit(Op::SetCC, Type::Void, dst, src1, src2, 0, static_cast<uint8_t>(ir::cc_op(k, t)));
}

unsigned log2_bits(Type t) { return t == Type::I8 ? 3 : t == Type::I16 ? 4 : t == Type::I32 ? 5 : 6; }

}  // namespace

// ---- bt bts btr btc ----------------------------------------------------------------------

bool h_bt(Ctx& c) {
  if (c.nops() != 2 || !reg_or_mem(c, 0) || !(c.is_reg(1) || c.is_imm(1))) return false;
  Type t = c.type(0);
  if (t == Type::I8 || !plain_width(c, 0)) return false;
  const unsigned w = ir::type_bits(t);
  const ZydisMnemonic mn = c.insn.mnemonic;
  const bool modifies = mn != ZYDIS_MNEMONIC_BT;
  if (c.lock() && (!modifies || !c.is_mem(0))) return false;  // #UD on hardware

  // The flags bt keeps (all but CF), read before anything here can move them out of the
  // host flags; marked so that the optimiser drops the read when only CF is read after.
  const Slot flags_in = c.emit(Op::GetFlags, Type::I64, ir::kNoSlot, ir::kNoSlot, ir::kNoSlot, 0, ir::kGetFlagsKeepForCf);

  // Bit index within the accessed operand, and (memory) the accessed operand's address.
  Slot bit;
  Slot ea = ir::kNoSlot;
  if (c.is_imm(1)) {
    bit = c.konst(t, c.ops[1].imm.value.u & (w - 1));
    if (c.is_mem(0)) ea = c.addr(0);
  } else {
    Slot off = c.read_as(1, t);
    bit = c.emit(Op::And, t, off, c.konst(t, w - 1));
    if (c.is_mem(0)) {
      ZydisRegister seg = c.ops[0].mem.segment;
      bool wide = c.insn.address_width == 64 || seg == ZYDIS_REGISTER_FS || seg == ZYDIS_REGISTER_GS;
      Type at = wide ? Type::I64 : Type::I32;
      Slot soff = c.emit(Op::Sext, Type::I64, off, ir::kNoSlot, ir::kNoSlot, 0, aux_type(t));
      Slot unit = c.emit(Op::Sar, Type::I64, soff, c.konst(Type::I8, log2_bits(t)));
      Slot bytes = c.emit(Op::Shl, Type::I64, unit, c.konst(Type::I8, log2_bits(t) - 3));
      ea = c.emit(Op::Add, at, c.addr(0), bytes);
    }
  }

  // CF = the bit before modification; every other status flag is kept.
  auto set_cf = [&](Slot old) {
    Slot cf = c.emit(Op::And, Type::I64, c.emit(Op::Shr, t, old, bit), c.konst(Type::I64, 1));
    Slot kept = c.emit(Op::And, Type::I64, flags_in, c.konst(Type::I64, ir::rflags::kStatus & ~ir::rflags::CF));
    set_cc(c, CcKind::Eager, Type::I64, c.emit(Op::Or, Type::I64, kept, cf), ir::kSlotZero);
  };
  Slot mask = c.emit(Op::Shl, t, c.konst(t, 1), bit);
  if (c.is_mem(0) && c.lock()) {
    ir::AtomicOp aop = mn == ZYDIS_MNEMONIC_BTS ? ir::AtomicOp::Or : mn == ZYDIS_MNEMONIC_BTR ? ir::AtomicOp::And : ir::AtomicOp::Xor;
    Slot operand = mn == ZYDIS_MNEMONIC_BTR ? c.emit(Op::Not, t, mask) : mask;
    set_cf(c.emit(Op::AtomicRMW, t, ea, operand, ir::kNoSlot, 0, static_cast<uint8_t>(aop)));
    return true;
  }
  Slot old = c.is_mem(0) ? c.emit(Op::Load, t, ea) : c.read(0);
  Slot nv = ir::kNoSlot;
  if (mn == ZYDIS_MNEMONIC_BTS) nv = c.emit(Op::Or, t, old, mask);
  else if (mn == ZYDIS_MNEMONIC_BTR) nv = c.emit(Op::And, t, old, c.emit(Op::Not, t, mask));
  else if (mn == ZYDIS_MNEMONIC_BTC) nv = c.emit(Op::Xor, t, old, mask);
  // Memory: store first, so a faulting store leaves the flags as they were. Register:
  // flags first, as `old` is then the register's own slot.
  if (c.is_mem(0)) {
    if (modifies) c.emit(Op::Store, t, ea, nv);
    set_cf(old);
  } else {
    set_cf(old);
    if (modifies) c.write(0, nv);
  }
  return true;
}

// ---- bsf bsr lzcnt tzcnt popcnt ----------------------------------------------------------

namespace {

// bsf/bsr: a zero source sets ZF and leaves the destination unchanged (all 64 bits of it,
// even for a 32-bit destination, as hardware does).
bool bit_scan(Ctx& c, bool reverse) {
  if (!shape(c, 2)) return false;
  Type t = c.type(0);
  if (t == Type::I8) return false;
  const unsigned w = ir::type_bits(t);
  Slot src = c.read(1);
  Slot zero = c.emit(Op::CmpEq, t, src, ir::kSlotZero);
  Slot idx = reverse ? c.emit(Op::Xor, t, c.emit(Op::Lzcnt, t, src), c.konst(t, w - 1))
                     : c.emit(Op::Tzcnt, t, src);
  set_cc(c, CcKind::Bsf, t, idx, src);
  if (t == Type::I32) {
    Slot full = Ctx::gpr_slot(c.ops[0].reg.value);
    Slot r = c.emit(Op::Select, Type::I64, full, idx, zero);
    c.emit_to(full, Op::Mov, Type::I64, r);
  } else {
    Slot r = c.emit(Op::Select, t, c.read(0), idx, zero);
    c.write(0, r);
  }
  return true;
}

// lzcnt/tzcnt/popcnt dst, r/m: one counting op and its lazy kind.
bool count_op(Ctx& c, Op op, CcKind k) {
  if (!shape(c, 2)) return false;
  Type t = c.type(0);
  if (t == Type::I8) return false;
  Slot src = c.read(1);
  Slot r = c.emit(op, t, src);
  set_cc(c, k, t, r, src);
  c.write(0, r);
  return true;
}

// VEX-encoded BMI forms take 32/64-bit operands only.
bool bmi_width(const Ctx& c) { Type t = c.type(0); return t == Type::I32 || t == Type::I64; }

}  // namespace

bool h_bsf(Ctx& c) { return bit_scan(c, false); }
bool h_bsr(Ctx& c) { return bit_scan(c, true); }
bool h_lzcnt(Ctx& c) { return count_op(c, Op::Lzcnt, CcKind::Lzcnt); }
bool h_tzcnt(Ctx& c) { return count_op(c, Op::Tzcnt, CcKind::Lzcnt); }
bool h_popcnt(Ctx& c) { return count_op(c, Op::Popcnt, CcKind::Popcnt); }

// ---- BMI1 ------------------------------------------------------------------------------------

// andn dst, src1, src2/m: dst = ~src1 & src2.
bool h_andn(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot a = c.read(1);
  Slot b = c.read(2);
  Slot r = c.emit(Op::And, t, c.emit(Op::Not, t, a), b);
  set_cc(c, CcKind::Logic, t, r, ir::kSlotZero);
  c.write(0, r);
  return true;
}

// bextr dst, src/m, ctl: start ctl[7:0], length ctl[15:8]. ZF from the result, CF = OF = 0.
bool h_bextr(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot ctl = c.read(2);
  Slot r = c.emit(Op::Bextr, t, src, ctl);
  set_cc(c, CcKind::Logic, t, r, ir::kSlotZero);
  c.write(0, r);
  return true;
}

namespace {

// blsi/blsr/blsmsk dst, src/m: src combined with -src or src-1.
bool bls(Ctx& c, Op combine, bool negate, CcKind k) {
  if (!shape(c, 2) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot other = negate ? c.emit(Op::Neg, t, src) : c.emit(Op::Sub, t, src, c.konst(t, 1));
  Slot r = c.emit(combine, t, src, other);
  set_cc(c, k, t, r, src);
  c.write(0, r);
  return true;
}

}  // namespace

bool h_blsi(Ctx& c) { return bls(c, Op::And, true, CcKind::Blsi); }
bool h_blsr(Ctx& c) { return bls(c, Op::And, false, CcKind::Blsr); }
bool h_blsmsk(Ctx& c) { return bls(c, Op::Xor, false, CcKind::Blsmsk); }

// ---- BMI2 ------------------------------------------------------------------------------------

// bzhi dst, src/m, index: CF = index[7:0] > width - 1.
bool h_bzhi(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot idx = c.read(2);
  Slot r = c.emit(Op::Bzhi, t, src, idx);
  Slot cf = c.emit(Op::CmpLtU, Type::I8, c.konst(Type::I8, ir::type_bits(t) - 1), idx);
  set_cc(c, CcKind::Bzhi, t, r, cf);
  c.write(0, r);
  return true;
}

// pdep/pext dst, src, mask/m.
bool h_pdep(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot m = c.read(2);
  c.write(0, c.emit(Op::Pdep, t, src, m));
  return true;
}
bool h_pext(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot m = c.read(2);
  c.write(0, c.emit(Op::Pext, t, src, m));
  return true;
}

// sarx/shlx/shrx dst, src/m, count: the count is masked as for the legacy shifts.
bool h_shiftx(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Op op;
  switch (c.insn.mnemonic) {
    case ZYDIS_MNEMONIC_SARX: op = Op::Sar; break;
    case ZYDIS_MNEMONIC_SHLX: op = Op::Shl; break;
    case ZYDIS_MNEMONIC_SHRX: op = Op::Shr; break;
    default: return false;
  }
  Slot src = c.read(1);
  Slot n = c.read(2);
  c.write(0, c.emit(op, t, src, n));
  return true;
}

// rorx dst, src/m, imm8.
bool h_rorx(Ctx& c) {
  if (!shape(c, 3, true) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(1);
  Slot n = c.konst(Type::I8, c.ops[2].imm.value.u);
  c.write(0, c.emit(Op::Ror, t, src, n));
  return true;
}

// mulx hi, lo, src/m: (e/r)dx * src, no flags. With hi == lo, the high half wins.
bool h_mulx(Ctx& c) {
  if (!shape(c, 3) || !bmi_width(c)) return false;
  Type t = c.type(0);
  Slot src = c.read(2);
  Slot rdx = c.reg(2);
  Slot lo = c.emit(Op::Mul, t, rdx, src);
  Slot hi = c.emit(Op::MulHiU, t, rdx, src);
  c.write(1, lo);
  c.write(0, hi);
  return true;
}

}  // namespace retrace::x86
