// Handlers: MMX, and the SSE/SSE2/SSSE3 instructions with MMX operands.
//
// mm0..mm7 are the significands of the x87 registers (ir/x87ops.def: MMX_READ, MMX_WRITE,
// EMMS, ...): an MMX register is read and written through those rows, which also make the
// x87 transition every MMX instruction makes (TOP = 0, all registers tagged valid; a write
// sets the register's sign and exponent bits; emms: TOP = 0, all empty). The arithmetic
// runs on the SSE vector-op rows (ir/vecops.def) with each 64-bit operand zero-extended
// into a v128 and the low 64 bits of the result kept. That is exact for element-wise rows.
// The rows that mix the two halves of a register get their MMX meaning by arranging the
// operands first:
//
//   punpckh*            the punpckl* row; the result's high qword is the MMX result
//   pack*, phadd/phsub  the row on [a:b] (punpcklqdq of the two) with itself
//   pshufb              the row on [a:a]: an index of 8..15 reads a again (MMX masks it by 7)
//   palignr             psrldq of [b:a] by imm8 (a byte count of 16 or more gives zero)
//   pshufw              pshuflw;  pextrw/pinsrw: imm8 & 3
//
// Conversions between mm and xmm (cvtpi2ps, cvtps2pi, cvtpi2pd, cvtpd2pi and the
// truncating forms) zero the unused source elements first, so MXCSR's flags come from the
// converted elements only. cvtpi2ps/cvtpi2pd with a memory source involve no MMX register
// and make no x87 transition; cvt(t)ps2pi/cvt(t)pd2pi make it before converting, so an
// unmasked MXCSR exception finds it made, as on hardware.
//
// Faults, in hardware's order: a pending unmasked x87 exception first (MMX_CHECK before a
// memory source is read), then the memory source, which leaves the x87 state untouched
// when it faults; a store of an mm register (movq m64, mm) sets TOP to 0 before it and
// tags the registers valid after it (MMX_READ_TOP, MMX_VALID).
//
// maskmovq (and SSE2's maskmovdqu, here too) store the bytes whose mask byte has its top
// bit set to [rdi], and leave the others alone: each byte is a store, to [rdi + i] when
// selected and else to a sink of retrace's own, so no byte outside the mask is read or
// written (a read-modify-write would race with other threads' stores to those bytes). The
// first and last bytes are read first, so a range running into an unmapped page faults
// before any byte is written (hardware writes none either).
//
// MMX code runs correctly but not fast in the native tier: every mm access is a helper
// call (the registers live in the x87 state, not in IR slots).
#include <array>

#include "frontend/x86/context.h"
#include "frontend/x86/vec_ctx.h"
#include "ir/vecops.h"
#include "ir/x87.h"

namespace retrace::x86 {
namespace {

using ir::VecOp;
using namespace vecctx;

bool is_mm(const ZydisDecodedOperand& o) {
  static_assert(ZYDIS_REGISTER_MM7 - ZYDIS_REGISTER_MM0 == 7);  // (a range test, not a call into Zydis)
  return o.type == ZYDIS_OPERAND_TYPE_REGISTER && o.reg.value >= ZYDIS_REGISTER_MM0 && o.reg.value <= ZYDIS_REGISTER_MM7;
}
unsigned mm_index(const ZydisDecodedOperand& o) { return static_cast<unsigned>(o.reg.value - ZYDIS_REGISTER_MM0) & 7; }

// An x87 row (ir/x87ops.def) for MMX register i; b is the value a write stores.
Slot x87_row(Ctx& c, ir::X87Op row, unsigned i = 0, Slot b = ir::kSlotZero) {
  return c.b.emit_id(Op::X87, Type::I64, ir::kSlotZero, b, ir::x87_id(row), ir::x87_imm(i, 0, c.pc));
}
Slot mm_read(Ctx& c, unsigned i) { return x87_row(c, ir::X87Op::MMX_READ, i); }
void mm_write(Ctx& c, unsigned i, Slot v) { x87_row(c, ir::X87Op::MMX_WRITE, i, v); }

// A 64-bit value zero-extended into a v128 temp, and the low 64 bits of a v128 value.
Slot widen(Ctx& c, Slot v64) { return vec(c, Op::IntToVec, Type::V128, v64, ir::kSlotZero, VecOp::MOVQ_TO_XMM); }
Slot low64(Ctx& c, Slot v) { return vec(c, Op::VecToInt, Type::I64, v, ir::kSlotZero, VecOp::MOVQ_FROM_XMM); }

// A memory operand of an instruction that uses MMX registers: the pending-exception check
// (#MF comes before the access), then the load at the operand's size, zero-extended.
Slot mmx_load(Ctx& c, int i, Type t) {
  x87_row(c, ir::X87Op::MMX_CHECK);
  return c.emit(Op::Load, t, c.addr(i));
}

// Operand i as a 64-bit value: an mm register, a general register (read at its width,
// zero-extended) or memory loaded at its size (m16, m32 or m64, zero-extended).
Slot src64(Ctx& c, int i) {
  const ZydisDecodedOperand& o = c.ops[i];
  if (is_mm(o)) return mm_read(c, mm_index(o));
  if (o.type == ZYDIS_OPERAND_TYPE_MEMORY) return mmx_load(c, i, ir::int_type(o.size));
  const Slot v = c.read_as(i, ir::int_type(o.size));
  if (o.size == 64) return v;
  return c.emit(Op::Zext, Type::I64, v, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(ir::int_type(o.size)));
}

enum class Kind : uint8_t { None, Lane, High, Combine, Shufb, Align, Shufw };
struct MmxRow {
  Kind kind = Kind::None;
  VecOp op = VecOp::Count;
  VecOp alt = VecOp::Count;  // shifts by imm8
};

struct MmxTable {
  std::array<MmxRow, ZYDIS_MNEMONIC_MAX_VALUE + 1> r{};
  MmxTable() {
#define K(m, kind, op) r[ZYDIS_MNEMONIC_##m] = {Kind::kind, VecOp::op, VecOp::Count};
#define LANE(m) K(m, Lane, m)
#define SHIFT(m) r[ZYDIS_MNEMONIC_##m] = {Kind::Lane, VecOp::m, VecOp::m##_I};
    LANE(PADDB) LANE(PADDW) LANE(PADDD) LANE(PADDQ) LANE(PADDSB) LANE(PADDSW) LANE(PADDUSB) LANE(PADDUSW)
    LANE(PSUBB) LANE(PSUBW) LANE(PSUBD) LANE(PSUBQ) LANE(PSUBSB) LANE(PSUBSW) LANE(PSUBUSB) LANE(PSUBUSW)
    LANE(PMULLW) LANE(PMULHW) LANE(PMULHUW) LANE(PMULUDQ) LANE(PMADDWD) LANE(PMULHRSW) LANE(PMADDUBSW)
    LANE(PAVGB) LANE(PAVGW) LANE(PSADBW) LANE(PABSB) LANE(PABSW) LANE(PABSD)
    LANE(PSIGNB) LANE(PSIGNW) LANE(PSIGND)
    LANE(PCMPEQB) LANE(PCMPEQW) LANE(PCMPEQD) LANE(PCMPGTB) LANE(PCMPGTW) LANE(PCMPGTD)
    LANE(PMINUB) LANE(PMINSW) LANE(PMAXUB) LANE(PMAXSW)
    LANE(PAND) LANE(POR) LANE(PXOR) LANE(PANDN)
    LANE(PUNPCKLBW) LANE(PUNPCKLWD) LANE(PUNPCKLDQ)
    K(PUNPCKHBW, High, PUNPCKLBW) K(PUNPCKHWD, High, PUNPCKLWD) K(PUNPCKHDQ, High, PUNPCKLDQ)
    K(PACKSSWB, Combine, PACKSSWB) K(PACKUSWB, Combine, PACKUSWB) K(PACKSSDW, Combine, PACKSSDW)
    K(PHADDW, Combine, PHADDW) K(PHADDD, Combine, PHADDD) K(PHADDSW, Combine, PHADDSW)
    K(PHSUBW, Combine, PHSUBW) K(PHSUBD, Combine, PHSUBD) K(PHSUBSW, Combine, PHSUBSW)
    K(PSHUFB, Shufb, PSHUFB) K(PALIGNR, Align, PSRLDQ_I) K(PSHUFW, Shufw, PSHUFLW)
    SHIFT(PSLLW) SHIFT(PSLLD) SHIFT(PSLLQ) SHIFT(PSRLW) SHIFT(PSRLD) SHIFT(PSRLQ) SHIFT(PSRAW) SHIFT(PSRAD)
#undef SHIFT
#undef LANE
#undef K
  }
};

// mm = op(mm, mm/m64 [, imm8]), or mm = shift(mm, imm8).
bool arith(Ctx& c, const MmxRow& r) {
  if (!is_mm(c.ops[0])) return false;
  const unsigned d = mm_index(c.ops[0]);
  if (c.is_imm(1)) {
    if (r.alt == VecOp::Count) return false;
    const Slot a = widen(c, mm_read(c, d));
    mm_write(c, d, low64(c, vec(c, Op::Vec, Type::V128, a, a, r.alt, imm8(c))));
    return true;
  }
  // The source first: a memory operand that faults leaves the x87 state as it was.
  const Slot b = widen(c, src64(c, 1));
  const Slot a = widen(c, mm_read(c, d));
  const uint8_t imm = imm8(c);
  Slot res;
  switch (r.kind) {
    case Kind::Lane: res = vec(c, Op::Vec, Type::V128, a, b, r.op, imm); break;
    case Kind::High: {  // the high qword of the punpckl* row's result
      const Slot lo = vec(c, Op::Vec, Type::V128, a, b, r.op);
      res = vec(c, Op::Vec, Type::V128, lo, lo, VecOp::PSRLDQ_I, 8);
      break;
    }
    case Kind::Combine: {
      const Slot ab = vec(c, Op::Vec, Type::V128, a, b, VecOp::PUNPCKLQDQ);
      res = vec(c, Op::Vec, Type::V128, ab, ab, r.op);
      break;
    }
    case Kind::Shufb: {
      const Slot aa = vec(c, Op::Vec, Type::V128, a, a, VecOp::PUNPCKLQDQ);
      res = vec(c, Op::Vec, Type::V128, aa, b, r.op);
      break;
    }
    case Kind::Align: {
      const Slot ba = vec(c, Op::Vec, Type::V128, b, a, VecOp::PUNPCKLQDQ);
      res = vec(c, Op::Vec, Type::V128, ba, ba, r.op, imm);
      break;
    }
    case Kind::Shufw: res = vec(c, Op::Vec, Type::V128, b, b, r.op, imm); break;
    default: return false;
  }
  mm_write(c, d, low64(c, res));
  return true;
}

// movd/movq/movntq between mm and a general register, memory or another mm.
bool moves(Ctx& c) {
  if (is_mm(c.ops[0])) {
    mm_write(c, mm_index(c.ops[0]), src64(c, 1));
    return true;
  }
  if (!is_mm(c.ops[1])) return false;
  if (!c.is_mem(0)) {
    c.write(0, mm_read(c, mm_index(c.ops[1])));  // (at the destination's width: movd keeps 32 bits)
    return true;
  }
  // A store: TOP = 0 before it, the tags valid after it (a faulting one leaves the tags).
  c.write(0, x87_row(c, ir::X87Op::MMX_READ_TOP, mm_index(c.ops[1])));
  x87_row(c, ir::X87Op::MMX_VALID);
  return true;
}

// cvtpi2ps / cvtpi2pd xmm, mm/m64; cvt(t)ps2pi mm, xmm/m64; cvt(t)pd2pi mm, xmm/m128.
bool convert(Ctx& c, ZydisMnemonic m) {
  switch (m) {
    case ZYDIS_MNEMONIC_CVTPI2PS:
    case ZYDIS_MNEMONIC_CVTPI2PD: {
      if (!is_xmm(c.ops[0])) return false;
      const Slot dst = xmm(c.ops[0]);
      // (A memory source involves no MMX register: a plain load, no x87 transition.)
      const Slot s = widen(c, c.is_mem(1) ? c.emit(Op::Load, Type::I64, c.addr(1)) : src64(c, 1));
      if (m == ZYDIS_MNEMONIC_CVTPI2PD) {
        vec_to(c, dst, Op::Vec, s, s, VecOp::CVTDQ2PD);
        return true;
      }
      const Slot f = vec(c, Op::Vec, Type::V128, s, s, VecOp::CVTDQ2PS);  // (zeros convert exactly)
      vec_to(c, dst, Op::Vec, dst, f, VecOp::MOVSD_MERGE);  // the low qword; the high one is kept
      return true;
    }
    case ZYDIS_MNEMONIC_CVTPS2PI:
    case ZYDIS_MNEMONIC_CVTTPS2PI:
    case ZYDIS_MNEMONIC_CVTPD2PI:
    case ZYDIS_MNEMONIC_CVTTPD2PI: {
      if (!is_mm(c.ops[0])) return false;
      const bool pd = m == ZYDIS_MNEMONIC_CVTPD2PI || m == ZYDIS_MNEMONIC_CVTTPD2PI;
      const bool trunc = m == ZYDIS_MNEMONIC_CVTTPS2PI || m == ZYDIS_MNEMONIC_CVTTPD2PI;
      Slot s;
      if (is_xmm(c.ops[1])) {
        s = xmm(c.ops[1]);
        if (!pd) s = vec(c, Op::Vec, Type::V128, s, s, VecOp::MOVQ_ZX);  // two floats, the rest zero
      } else if (c.is_mem(1)) {
        s = pd ? mmx_load(c, 1, Type::V128) : widen(c, mmx_load(c, 1, Type::I64));
      } else {
        return false;
      }
      x87_row(c, ir::X87Op::MMX_ENTER);  // (before the conversion, which may trap: MXCSR)
      const VecOp op = pd ? (trunc ? VecOp::CVTTPD2DQ : VecOp::CVTPD2DQ) : (trunc ? VecOp::CVTTPS2DQ : VecOp::CVTPS2DQ);
      mm_write(c, mm_index(c.ops[0]), low64(c, vec(c, Op::Vec, Type::V128, s, s, op)));
      return true;
    }
    default: return false;
  }
}

// maskmovq / maskmovdqu: bytes of data (lo, then hi for 16) where mask's byte has bit 7
// set, to [rdi]. The sink takes the unselected bytes' stores (never read).
alignas(64) uint8_t g_mask_sink[32];  // [0, 16): unselected bytes; 16, 17: the probes
bool masked_store(Ctx& c, Slot data_lo, Slot data_hi, Slot mask_lo, Slot mask_hi, unsigned n) {
  if (c.insn.attributes & (ZYDIS_ATTRIB_HAS_SEGMENT_FS | ZYDIS_ATTRIB_HAS_SEGMENT_GS)) {
    c.why = "segment override";
    return false;
  }
  Slot base = c.reg(7);
  if (c.insn.address_width == 32)
    base = c.emit(Op::Zext, Type::I64, base, ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I32));
  const uint64_t sink = reinterpret_cast<uint64_t>(g_mask_sink);
  c.b.block().host_addresses = true;
  // The range's first byte and the first byte of its last page read (into the sink, so
  // the loads stay): one running into an unmapped page faults before any byte is written,
  // at that page's start, as on hardware.
  c.emit(Op::Store, Type::I8, c.konst(Type::I64, sink + 16), c.emit(Op::Load, Type::I8, base));
  const Slot last = c.emit(Op::Add, Type::I64, base, c.konst(Type::I64, n - 1));
  const Slot page = c.emit(Op::And, Type::I64, last, c.konst(Type::I64, ~uint64_t{4095}));
  const Slot probe = c.emit(Op::Select, Type::I64, page, last, c.emit(Op::CmpLtU, Type::I64, base, page));
  c.emit(Op::Store, Type::I8, c.konst(Type::I64, sink + 17), c.emit(Op::Load, Type::I8, probe));
  for (unsigned i = 0; i < n; ++i) {
    const unsigned k = i & 7;
    const Slot m = i < 8 ? mask_lo : mask_hi, d = i < 8 ? data_lo : data_hi;
    const Slot top = c.emit(Op::And, Type::I64, c.emit(Op::Shr, Type::I64, m, c.konst(Type::I8, 8 * k + 7)),
                            c.konst(Type::I64, 1));
    const Slot sel = c.emit(Op::CmpNe, Type::I64, top, ir::kSlotZero);
    const Slot to = c.emit(Op::Add, Type::I64, base, c.konst(Type::I64, i));
    const Slot addr = c.emit(Op::Select, Type::I64, to, c.konst(Type::I64, sink + i), sel);  // (sel ? to : sink)
    c.emit(Op::Store, Type::I8, addr, k ? c.emit(Op::Shr, Type::I64, d, c.konst(Type::I8, 8 * k)) : d);
  }
  return true;
}

}  // namespace

bool uses_mmx(const ZydisDecodedInstruction& insn, const ZydisDecodedOperand* ops) {
  for (unsigned i = 0; i < insn.operand_count_visible; ++i)
    if (is_mm(ops[i])) return true;
  return false;
}

bool h_mmx(Ctx& c) {
  if (c.insn.encoding != ZYDIS_INSTRUCTION_ENCODING_LEGACY) {
    c.why = "AVX";
    return false;
  }
  static const MmxTable table;
  const ZydisMnemonic m = c.insn.mnemonic;
  switch (m) {
    case ZYDIS_MNEMONIC_EMMS:
      x87_row(c, ir::X87Op::EMMS);
      return true;
    case ZYDIS_MNEMONIC_MOVD:
    case ZYDIS_MNEMONIC_MOVQ:
    case ZYDIS_MNEMONIC_MOVNTQ:
      return moves(c);
    case ZYDIS_MNEMONIC_MOVQ2DQ: {  // xmm = mm, zero-extended
      if (!is_xmm(c.ops[0]) || !is_mm(c.ops[1])) return false;
      vec_to(c, xmm(c.ops[0]), Op::IntToVec, mm_read(c, mm_index(c.ops[1])), ir::kSlotZero, VecOp::MOVQ_TO_XMM);
      return true;
    }
    case ZYDIS_MNEMONIC_MOVDQ2Q:  // mm = the low qword of xmm
      if (!is_mm(c.ops[0]) || !is_xmm(c.ops[1])) return false;
      mm_write(c, mm_index(c.ops[0]), xmm(c.ops[1]));
      return true;
    case ZYDIS_MNEMONIC_PMOVMSKB:
    case ZYDIS_MNEMONIC_PEXTRW: {  // r32/r64 <- mm [, imm8]
      if (!is_mm(c.ops[1])) return false;
      const Slot v = widen(c, mm_read(c, mm_index(c.ops[1])));
      const bool ext = m == ZYDIS_MNEMONIC_PEXTRW;
      const Slot r = vec(c, Op::VecToInt, Type::I64, v, ir::kSlotZero, ext ? VecOp::PEXTRW : VecOp::PMOVMSKB,
                         static_cast<uint8_t>(ext ? imm8(c) & 3 : 0));
      c.write(0, r);
      return true;
    }
    case ZYDIS_MNEMONIC_PINSRW: {  // mm <- r32/m16 at word imm8 & 3
      if (!is_mm(c.ops[0])) return false;
      const unsigned d = mm_index(c.ops[0]);
      const Slot w = c.is_mem(1) ? mmx_load(c, 1, Type::I16) : c.read_as(1, Type::I16);
      const Slot v = widen(c, mm_read(c, d));
      mm_write(c, d, low64(c, vec(c, Op::IntToVec, Type::V128, w, v, VecOp::PINSRW, static_cast<uint8_t>(imm8(c) & 3))));
      return true;
    }
    case ZYDIS_MNEMONIC_CVTPI2PS:
    case ZYDIS_MNEMONIC_CVTPI2PD:
    case ZYDIS_MNEMONIC_CVTPS2PI:
    case ZYDIS_MNEMONIC_CVTTPS2PI:
    case ZYDIS_MNEMONIC_CVTPD2PI:
    case ZYDIS_MNEMONIC_CVTTPD2PI:
      return convert(c, m);
    case ZYDIS_MNEMONIC_MASKMOVQ: {  // mm data, mm mask
      if (!is_mm(c.ops[0]) || !is_mm(c.ops[1])) return false;
      const Slot d = mm_read(c, mm_index(c.ops[0])), m = mm_read(c, mm_index(c.ops[1]));
      return masked_store(c, d, ir::kNoSlot, m, ir::kNoSlot, 8);
    }
    case ZYDIS_MNEMONIC_MASKMOVDQU: {  // xmm data, xmm mask (SSE2: no x87 transition)
      if (!is_xmm(c.ops[0]) || !is_xmm(c.ops[1])) return false;
      const Slot d = xmm(c.ops[0]), m = xmm(c.ops[1]);
      return masked_store(c, d, static_cast<Slot>(d + 1), m, static_cast<Slot>(m + 1), 16);
    }
    default: {
      const MmxRow& r = table.r[m];
      if (r.kind == Kind::None) return false;
      return arith(c, r);
    }
  }
}

}  // namespace retrace::x86
