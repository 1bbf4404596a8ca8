// Helpers the vector handlers share (handlers_sse.cpp, handlers_mmx.cpp): xmm operands,
// the instruction's imm8, and emitting a vector-op row (ir/vecops.def) by its id.
#pragma once

#include "frontend/x86/context.h"
#include "ir/vecops.h"

namespace retrace::x86::vecctx {

inline bool is_xmm(const ZydisDecodedOperand& o) {
  static_assert(ZYDIS_REGISTER_XMM31 - ZYDIS_REGISTER_XMM0 == 31);  // (a range test, not a call into Zydis)
  return o.type == ZYDIS_OPERAND_TYPE_REGISTER && o.reg.value >= ZYDIS_REGISTER_XMM0 && o.reg.value <= ZYDIS_REGISTER_XMM31;
}
inline Slot xmm(const ZydisDecodedOperand& o) { return ir::xmm_slot(o.reg.value - ZYDIS_REGISTER_XMM0); }

// The first immediate operand's low byte (0 when there is none).
inline uint8_t imm8(const Ctx& c) {
  for (unsigned i = 0; i < c.nops(); ++i)
    if (c.ops[i].type == ZYDIS_OPERAND_TYPE_IMMEDIATE) return static_cast<uint8_t>(c.ops[i].imm.value.u);
  return 0;
}

// A vector-op row into a new temp, or (vec_to) into a given slot (an xmm register).
inline Slot vec(Ctx& c, Op op, Type t, Slot a, Slot b, ir::VecOp id, uint8_t imm = 0) {
  return c.b.emit_id(op, t, a, b, ir::vec_id(id), imm);
}
inline void vec_to(Ctx& c, Slot dst, Op op, Slot a, Slot b, ir::VecOp id, uint8_t imm = 0) {
  const uint16_t n = ir::vec_id(id);
  c.emit_to(dst, op, Type::V128, a, b, ir::kNoSlot, imm, static_cast<uint8_t>(n & 0xff));
  c.b.block().insts.back().aux2 = static_cast<uint8_t>(n >> 8);
}

}  // namespace retrace::x86::vecctx
