// Handlers: data movement, exchange, conversions, cmovcc/setcc, nops.
//
// Operand reads return a GPR's own slot, so a handler that writes one register and later
// uses the value it read from another (xchg, xadd, cmpxchg) snapshots with Mov first.
#include "frontend/x86/context.h"

namespace retrace::x86 {
namespace {

bool is_gpr(const ZydisDecodedOperand& o) {
  return o.type == ZYDIS_OPERAND_TYPE_REGISTER && gpr_bits(o.reg.value) != 0;
}

Slot snapshot(Ctx& c, Slot s, Type t) { return c.emit(Op::Mov, t, s); }

ZydisRegister accumulator(Type t) {
  switch (t) {
    case Type::I8: return ZYDIS_REGISTER_AL;
    case Type::I16: return ZYDIS_REGISTER_AX;
    case Type::I32: return ZYDIS_REGISTER_EAX;
    default: return ZYDIS_REGISTER_RAX;
  }
}

}  // namespace

bool h_mov(Ctx& c) {
  // Segment, control and debug register moves are not general-purpose.
  if ((c.is_reg(0) && !is_gpr(c.ops[0])) || (c.is_reg(1) && !is_gpr(c.ops[1]))) {
    c.why = "non-GPR register operand";
    return false;
  }
  Type t = c.type(0);
  c.write(0, c.read_as(1, t));
  return true;
}

bool h_movzx(Ctx& c) {
  Type t = c.type(0);
  Slot v = c.read(1);
  c.write(0, c.emit(Op::Zext, t, v, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(c.type(1))));
  return true;
}

bool h_movsx(Ctx& c) {  // movsx, movsxd
  Type t = c.type(0);
  Type from = c.type(1);
  Slot v = c.read(1);
  if (ir::type_bits(from) >= ir::type_bits(t)) {
    c.write(0, v);  // movsxd r32, r/m32 is a plain move
    return true;
  }
  c.write(0, c.emit(Op::Sext, t, v, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(from)));
  return true;
}

bool h_lea(Ctx& c) {
  // lea ignores segment overrides; the address is truncated to the destination width.
  const ZydisDecodedOperandMem& m = c.ops[1].mem;
  Type at = c.insn.address_width == 64 ? Type::I64 : Type::I32;
  uint64_t disp = m.disp.has_displacement ? static_cast<uint64_t>(m.disp.value) : 0;
  Slot a;
  if (m.base == ZYDIS_REGISTER_RIP || m.base == ZYDIS_REGISTER_EIP) {
    a = c.konst(at, c.next_pc + disp);
  } else {
    Slot base = m.base == ZYDIS_REGISTER_NONE ? ir::kSlotZero : Ctx::gpr_slot(m.base);
    Slot index = m.index == ZYDIS_REGISTER_NONE ? ir::kSlotZero : Ctx::gpr_slot(m.index);
    uint8_t sh = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
    a = c.emit(Op::Addr, at, base, index, ir::kNoSlot, disp, sh);
  }
  c.write(0, a);
  return true;
}

bool h_xchg(Ctx& c) {
  Type t = c.type(0);
  if (c.is_mem(0) || c.is_mem(1)) {
    int mi = c.is_mem(0) ? 0 : 1, ri = 1 - mi;
    Slot old = c.emit(Op::AtomicRMW, t, c.addr(mi), c.read(ri), ir::kNoSlot, 0, static_cast<uint8_t>(ir::AtomicOp::Xchg));
    c.write(ri, old);
    return true;
  }
  Slot a = snapshot(c, c.read(0), t);
  Slot b = c.read(1);
  c.write(0, b);
  c.write(1, a);
  return true;
}

bool h_xadd(Ctx& c) {
  Type t = c.type(0);
  if (c.is_mem(0)) {
    Slot src = snapshot(c, c.read(1), t);
    Slot old = c.emit(Op::AtomicRMW, t, c.addr(0), src, ir::kNoSlot, 0, static_cast<uint8_t>(ir::AtomicOp::Add));
    c.emit(Op::AddF, t, old, src);
    c.write(1, old);
    return true;
  }
  Slot d = snapshot(c, c.read(0), t);
  Slot s = c.read(1);
  Slot sum = c.emit(Op::AddF, t, d, s);
  c.write(1, d);
  c.write(0, sum);
  return true;
}

bool h_cmpxchg(Ctx& c) {
  Type t = c.type(0);
  ZydisRegister acc_reg = accumulator(t);
  Slot acc = snapshot(c, c.read_reg(acc_reg), t);
  Slot src = c.read(1);
  Slot old;
  if (c.is_mem(0)) {
    old = c.emit(Op::CmpXchg, t, c.addr(0), acc, src);
  } else {
    old = snapshot(c, c.read(0), t);
  }
  c.emit(Op::SubF, t, acc, old);
  Slot eq = c.emit(Op::CmpEq, t, acc, old);
  if (!c.is_mem(0)) {
    // Register destination: written (src) only on success; on failure it is left alone,
    // upper half included (measured on hardware: tests/asm/data/cmpxchg).
    if (t == Type::I32) {
      Slot d = Ctx::gpr_slot(c.ops[0].reg.value);
      Slot src32 = c.emit(Op::Mov, Type::I32, src);
      c.emit_to(d, Op::Select, Type::I64, src32, d, eq);
    } else {
      c.write(0, c.emit(Op::Select, t, src, old, eq));
    }
  }
  // On failure the accumulator receives the old value; on success it is not written (a
  // 32-bit cmpxchg that succeeds keeps rax's upper half).
  Slot rax = c.reg(0);
  if (t == Type::I32) {
    c.emit_to(rax, Op::Select, Type::I64, rax, old, eq);
  } else {
    // Read the accumulator again: the destination may have been the accumulator itself.
    c.write_reg(acc_reg, c.emit(Op::Select, t, c.read_reg(acc_reg), old, eq));
  }
  return true;
}

bool h_cmpxchg16b(Ctx& c) {
  // Compares rdx:rax with m128; on success stores rcx:rbx, else loads into rdx:rax. A
  // misaligned operand raises #GP (SIGSEGV), which the op checks.
  c.emit(Op::CmpXchg16, Type::Void, c.addr(0));
  return true;
}

bool h_cmpxchg8b(Ctx& c) {
  // Compares edx:eax with m64: equal, ecx:ebx is stored; else edx:eax receives m64 (as
  // 32-bit writes: the upper halves zeroed) and is otherwise left alone. ZF says which;
  // every other flag is kept. No alignment check (unlike cmpxchg16b). One 64-bit
  // compare-and-swap, atomic with or without lock.
  if (!c.is_mem(0)) return false;
  auto pair = [&](int hi, int lo) {  // (hi << 32) | lo's low half
    Slot l = c.emit(Op::Zext, Type::I64, c.reg(lo), ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I32));
    Slot h = c.emit(Op::Shl, Type::I64, c.reg(hi), c.konst(Type::I8, 32));
    return c.emit(Op::Or, Type::I64, h, l);
  };
  Slot acc = pair(2, 0);  // edx:eax
  Slot src = pair(1, 3);  // ecx:ebx
  Slot old = c.emit(Op::CmpXchg, Type::I64, c.addr(0), acc, src);
  Slot eq = c.emit(Op::CmpEq, Type::I64, acc, old);
  Slot lo = c.emit(Op::Zext, Type::I64, old, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I32));
  Slot hi = c.emit(Op::Shr, Type::I64, old, c.konst(Type::I8, 32));
  c.emit_to(c.reg(0), Op::Select, Type::I64, c.reg(0), lo, eq);
  c.emit_to(c.reg(2), Op::Select, Type::I64, c.reg(2), hi, eq);
  Slot f = c.emit(Op::GetFlags, Type::I64);
  Slot kept = c.emit(Op::And, Type::I64, f, c.konst(Type::I64, ~ir::rflags::ZF));
  Slot zf = c.emit(Op::Shl, Type::I64, c.emit(Op::Zext, Type::I64, eq, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I1)),
                   c.konst(Type::I8, 6));
  c.emit(Op::SetFlags, Type::Void, c.emit(Op::Or, Type::I64, kept, zf));
  return true;
}

bool h_bswap(Ctx& c) {
  Type t = c.type(0);
  if (t == Type::I16) {
    c.write(0, c.konst(Type::I16, 0));  // bswap r16 is undefined; hardware zeroes it
    return true;
  }
  c.write(0, c.emit(Op::Bswap, t, c.read(0)));
  return true;
}

bool h_cbw(Ctx& c) {  // cbw, cwde, cdqe
  Type t = c.osize();
  Type from = t == Type::I16 ? Type::I8 : t == Type::I32 ? Type::I16 : Type::I32;
  Slot v = c.emit(Op::Sext, t, c.reg(0), ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(from));
  c.write_reg(accumulator(t), v);
  return true;
}

bool h_cwd(Ctx& c) {  // cwd, cdq, cqo
  Type t = c.osize();
  Slot sign = c.emit(Op::Sar, t, c.reg(0), c.konst(Type::I8, ir::type_bits(t) - 1));
  ZydisRegister d = t == Type::I16 ? ZYDIS_REGISTER_DX : t == Type::I32 ? ZYDIS_REGISTER_EDX : ZYDIS_REGISTER_RDX;
  c.write_reg(d, sign);
  return true;
}

bool h_nop(Ctx& c) { return true; }

bool h_cmovcc(Ctx& c) {
  Type t = c.type(0);
  unsigned cc = c.insn.opcode & 0xf;
  Slot src = c.read_as(1, t);  // a memory source is read whether or not the move happens
  Slot cond = c.cond(cc);
  Slot cur = c.read(0);
  c.write(0, c.emit(Op::Select, t, src, cur, cond));  // 32-bit forms zero-extend either way
  return true;
}

bool h_setcc(Ctx& c) {
  unsigned cc = c.insn.opcode & 0xf;
  Slot cond = c.cond(cc);
  c.write(0, c.emit(Op::Zext, Type::I8, cond, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I1)));
  return true;
}

}  // namespace retrace::x86
