// Handlers: SSE, SSE2, SSE3, SSSE3, SSE4.1, SSE4.2 (legacy encodings only).
//
// The decoder is two tables. handlers.def sends each mnemonic to the handler for its
// operand *shape*; kRows below says which vector-op row (ir/vecops.def) the mnemonic runs.
// A shape handler reads operands, emits one Vec/VecToInt/VecFlags/IntToVec with that row
// and writes the result, so adding an instruction of an existing shape is one row here,
// one row in handlers.def and one row in vecops.def.
//
//   shape          operands                          IR
//   h_sse_rm       xmm, xmm/m [, imm8]               xmm = Vec(row, xmm, src, imm)
//                  xmm, imm8 (shifts)                xmm = Vec(alt, xmm, xmm, imm)
//   h_sse_blendv   xmm, xmm/m128, <xmm0>             mask = Vec(row, xmm0); and/andn/or
//   h_sse_toint    r/m, xmm/m [, imm8]               r/m = VecToInt(row or alt for 64-bit)
//   h_sse_fromint  xmm, r/m [, imm8]                 xmm = IntToVec(row or alt for 64-bit)
//   h_sse_flags    xmm, xmm/m                        flags = VecFlags(row)
//   moves          plain Load/Store/Mov of v128 or of one slot of the xmm pair
//   pcmpistr*/pcmpestr*, crc32, movs*/movh*/movd/movq, ldmxcsr/stmxcsr: own handlers
//
// Memory sources narrower than 128 bits (scalar ss/sd forms, pmovzx, cvtdq2pd, ...) are
// loaded at their width and zero-extended into a v128 temp: rows only ever see registers.
// Alignment: movdqa/movaps and the m128 forms of arithmetic raise #GP on a misaligned
// address on hardware. Vec rows cannot trap, so retrace accepts unaligned operands there
// (a correct program never notices; a program relying on the fault does).
#include <array>

#include "frontend/x86/context.h"
#include "frontend/x86/vec_ctx.h"
#include "ir/host_cpu.h"
#include "ir/vecops.h"

namespace retrace::x86 {
namespace {

using ir::VecOp;
using namespace vecctx;

// flags of a row
constexpr uint8_t kInsertPs = 1;  // memory source: imm8[7:6] (source element) ignored

struct SseRow {
  VecOp op = VecOp::Count;   // the row
  VecOp alt = VecOp::Count;  // immediate-count shift form, or the 64-bit integer form
  uint8_t flags = 0;
};

// mnemonic -> row. SAME(x): the row has the mnemonic's name.
struct SseTable {
  std::array<SseRow, ZYDIS_MNEMONIC_MAX_VALUE + 1> r{};
  SseTable() {
#define ROW(m, op) r[ZYDIS_MNEMONIC_##m] = {VecOp::op, VecOp::Count, 0};
#define ROW2(m, op, alt) r[ZYDIS_MNEMONIC_##m] = {VecOp::op, VecOp::alt, 0};
#define SAME(m) ROW(m, m)
    // logic (the ps/pd forms are the same bit operations)
    SAME(PXOR) SAME(POR) SAME(PAND) SAME(PANDN)
    ROW(XORPS, PXOR) ROW(XORPD, PXOR) ROW(ORPS, POR) ROW(ORPD, POR)
    ROW(ANDPS, PAND) ROW(ANDPD, PAND) ROW(ANDNPS, PANDN) ROW(ANDNPD, PANDN)
    // integer arithmetic
    SAME(PADDB) SAME(PADDW) SAME(PADDD) SAME(PADDQ) SAME(PADDSB) SAME(PADDSW) SAME(PADDUSB) SAME(PADDUSW)
    SAME(PSUBB) SAME(PSUBW) SAME(PSUBD) SAME(PSUBQ) SAME(PSUBSB) SAME(PSUBSW) SAME(PSUBUSB) SAME(PSUBUSW)
    SAME(PMULLW) SAME(PMULHW) SAME(PMULHUW) SAME(PMULUDQ) SAME(PMULDQ) SAME(PMULLD) SAME(PMADDWD)
    SAME(PMULHRSW) SAME(PMADDUBSW) SAME(PAVGB) SAME(PAVGW) SAME(PSADBW) SAME(MPSADBW) SAME(PHMINPOSUW)
    SAME(PABSB) SAME(PABSW) SAME(PABSD) SAME(PSIGNB) SAME(PSIGNW) SAME(PSIGND)
    SAME(PHADDW) SAME(PHADDD) SAME(PHADDSW) SAME(PHSUBW) SAME(PHSUBD) SAME(PHSUBSW)
    // integer compare, min, max
    SAME(PCMPEQB) SAME(PCMPEQW) SAME(PCMPEQD) SAME(PCMPEQQ) SAME(PCMPGTB) SAME(PCMPGTW) SAME(PCMPGTD) SAME(PCMPGTQ)
    SAME(PMINUB) SAME(PMINUW) SAME(PMINUD) SAME(PMINSB) SAME(PMINSW) SAME(PMINSD)
    SAME(PMAXUB) SAME(PMAXUW) SAME(PMAXUD) SAME(PMAXSB) SAME(PMAXSW) SAME(PMAXSD)
    // shifts: by xmm/m128, or (alt) by imm8
    ROW2(PSLLW, PSLLW, PSLLW_I) ROW2(PSLLD, PSLLD, PSLLD_I) ROW2(PSLLQ, PSLLQ, PSLLQ_I)
    ROW2(PSRLW, PSRLW, PSRLW_I) ROW2(PSRLD, PSRLD, PSRLD_I) ROW2(PSRLQ, PSRLQ, PSRLQ_I)
    ROW2(PSRAW, PSRAW, PSRAW_I) ROW2(PSRAD, PSRAD, PSRAD_I)
    ROW2(PSLLDQ, PSLLDQ_I, PSLLDQ_I) ROW2(PSRLDQ, PSRLDQ_I, PSRLDQ_I)
    // unpack, pack, shuffle, blend, extend
    SAME(PUNPCKLBW) SAME(PUNPCKLWD) SAME(PUNPCKLDQ) SAME(PUNPCKLQDQ)
    SAME(PUNPCKHBW) SAME(PUNPCKHWD) SAME(PUNPCKHDQ) SAME(PUNPCKHQDQ)
    SAME(PACKSSWB) SAME(PACKUSWB) SAME(PACKSSDW) SAME(PACKUSDW)
    SAME(PSHUFD) SAME(PSHUFHW) SAME(PSHUFLW) SAME(PSHUFB) SAME(PALIGNR) SAME(PBLENDW)
    SAME(BLENDPS) SAME(BLENDPD) SAME(SHUFPS) SAME(SHUFPD)
    SAME(UNPCKLPS) SAME(UNPCKHPS) ROW(UNPCKLPD, PUNPCKLQDQ) ROW(UNPCKHPD, PUNPCKHQDQ)
    r[ZYDIS_MNEMONIC_INSERTPS] = {VecOp::INSERTPS, VecOp::Count, kInsertPs};
    SAME(PMOVZXBW) SAME(PMOVZXBD) SAME(PMOVZXBQ) SAME(PMOVZXWD) SAME(PMOVZXWQ) SAME(PMOVZXDQ)
    SAME(PMOVSXBW) SAME(PMOVSXBD) SAME(PMOVSXBQ) SAME(PMOVSXWD) SAME(PMOVSXWQ) SAME(PMOVSXDQ)
    SAME(MOVDDUP) SAME(MOVSHDUP) SAME(MOVSLDUP)
    ROW(PBLENDVB, SIGNMASK_B) ROW(BLENDVPS, SIGNMASK_D) ROW(BLENDVPD, SIGNMASK_Q)
    // floating point
    SAME(ADDSS) SAME(ADDSD) SAME(ADDPS) SAME(ADDPD) SAME(SUBSS) SAME(SUBSD) SAME(SUBPS) SAME(SUBPD)
    SAME(MULSS) SAME(MULSD) SAME(MULPS) SAME(MULPD) SAME(DIVSS) SAME(DIVSD) SAME(DIVPS) SAME(DIVPD)
    SAME(MINSS) SAME(MINSD) SAME(MINPS) SAME(MINPD) SAME(MAXSS) SAME(MAXSD) SAME(MAXPS) SAME(MAXPD)
    SAME(SQRTSS) SAME(SQRTSD) SAME(SQRTPS) SAME(SQRTPD) SAME(RCPSS) SAME(RCPPS) SAME(RSQRTSS) SAME(RSQRTPS)
    SAME(HADDPS) SAME(HADDPD) SAME(HSUBPS) SAME(HSUBPD) SAME(ADDSUBPS) SAME(ADDSUBPD) SAME(DPPS) SAME(DPPD)
    SAME(ROUNDSS) SAME(ROUNDSD) SAME(ROUNDPS) SAME(ROUNDPD)
    SAME(CMPSS) SAME(CMPSD) SAME(CMPPS) SAME(CMPPD)
    SAME(UCOMISS) SAME(UCOMISD) SAME(COMISS) SAME(COMISD) SAME(PTEST)
    // conversions
    SAME(CVTSS2SD) SAME(CVTSD2SS) SAME(CVTDQ2PS) SAME(CVTPS2DQ) SAME(CVTTPS2DQ)
    SAME(CVTDQ2PD) SAME(CVTPD2DQ) SAME(CVTTPD2DQ) SAME(CVTPS2PD) SAME(CVTPD2PS)
    ROW2(CVTSS2SI, CVTSS2SI32, CVTSS2SI64) ROW2(CVTTSS2SI, CVTTSS2SI32, CVTTSS2SI64)
    ROW2(CVTSD2SI, CVTSD2SI32, CVTSD2SI64) ROW2(CVTTSD2SI, CVTTSD2SI32, CVTTSD2SI64)
    ROW2(CVTSI2SS, CVTSI2SS32, CVTSI2SS64) ROW2(CVTSI2SD, CVTSI2SD32, CVTSI2SD64)
    // vector <-> integer
    SAME(PMOVMSKB) SAME(MOVMSKPS) SAME(MOVMSKPD)
    SAME(PEXTRB) SAME(PEXTRW) SAME(PEXTRD) SAME(PEXTRQ) ROW(EXTRACTPS, PEXTRD)
    SAME(PINSRB) SAME(PINSRW) SAME(PINSRD) SAME(PINSRQ)
    // AES-NI, PCLMULQDQ: only when the host has them (else SIGILL, as cpuid says)
    if (ir::host_cpu().aes) {
      SAME(AESENC) SAME(AESENCLAST) SAME(AESDEC) SAME(AESDECLAST) SAME(AESIMC) SAME(AESKEYGENASSIST)
    }
    if (ir::host_cpu().pclmul) SAME(PCLMULQDQ)
#undef SAME
#undef ROW2
#undef ROW
  }
};
const SseRow& row(const Ctx& c) {
  static const SseTable t;
  return t.r[c.insn.mnemonic];
}

// VEX/EVEX forms stay SIGILL (cpuid reports no AVX). MMX forms of SSE mnemonics never get
// here: the decoder sends every instruction with an MMX operand to h_mmx (handlers_mmx.cpp).
bool legacy_sse(Ctx& c) {
  if (c.insn.encoding != ZYDIS_INSTRUCTION_ENCODING_LEGACY) {
    c.why = "AVX";
    return false;
  }
  return true;
}

// Operand i as a v128 value: the register's slot pair, or memory loaded (zero-extended
// into a temp when the operand is narrower than 128 bits).
Slot src_v(Ctx& c, int i) {
  if (is_xmm(c.ops[i])) return xmm(c.ops[i]);
  unsigned bits = c.ops[i].size;
  if (bits == 128) return c.emit(Op::Load, Type::V128, c.addr(i));
  Slot v = c.emit(Op::Load, ir::int_type(bits), c.addr(i));
  return vec(c, Op::IntToVec, Type::V128, v, ir::kSlotZero, VecOp::MOVQ_TO_XMM);
}

}  // namespace

// xmm, xmm/m [, imm8]; or xmm, imm8 for the shifts.
bool h_sse_rm(Ctx& c) {
  if (!legacy_sse(c)) return false;
  const SseRow& r = row(c);
  if (r.op == VecOp::Count || !is_xmm(c.ops[0])) return false;
  Slot dst = xmm(c.ops[0]);
  if (c.is_imm(1)) {
    if (r.alt == VecOp::Count) return false;
    vec_to(c, dst, Op::Vec, dst, dst, r.alt, static_cast<uint8_t>(c.ops[1].imm.value.u));
    return true;
  }
  uint8_t imm = imm8(c);
  if ((r.flags & kInsertPs) && c.is_mem(1)) imm &= 0x3f;
  Slot s = src_v(c, 1);
  vec_to(c, dst, Op::Vec, dst, s, r.op, imm);
  return true;
}

// pblendvb/blendvps/blendvpd: the row turns xmm0 into a whole-element mask.
bool h_sse_blendv(Ctx& c) {
  if (!legacy_sse(c)) return false;
  const SseRow& r = row(c);
  if (r.op == VecOp::Count || !is_xmm(c.ops[0])) return false;
  Slot dst = xmm(c.ops[0]);
  Slot x0 = ir::xmm_slot(0);
  Slot m = vec(c, Op::Vec, Type::V128, x0, x0, r.op);
  Slot s = src_v(c, 1);
  Slot take = vec(c, Op::Vec, Type::V128, m, s, VecOp::PAND);
  Slot keep = vec(c, Op::Vec, Type::V128, m, dst, VecOp::PANDN);
  vec_to(c, dst, Op::Vec, take, keep, VecOp::POR);
  return true;
}

// r/m <- xmm/m [, imm8]: movmsk*, pextr*, extractps, cvt(t)s*2si.
bool h_sse_toint(Ctx& c) {
  if (!legacy_sse(c)) return false;
  const SseRow& r = row(c);
  if (r.op == VecOp::Count || is_xmm(c.ops[0])) return false;
  VecOp op = (c.ops[0].size == 64 && r.alt != VecOp::Count) ? r.alt : r.op;
  Slot s = src_v(c, 1);
  c.write(0, vec(c, Op::VecToInt, c.type(0), s, s, op, imm8(c)));
  return true;
}

// xmm <- r/m [, imm8]: pinsr*, cvtsi2s*. The row merges into the old xmm value.
bool h_sse_fromint(Ctx& c) {
  if (!legacy_sse(c)) return false;
  const SseRow& r = row(c);
  if (r.op == VecOp::Count || !is_xmm(c.ops[0])) return false;
  VecOp op = (c.ops[1].size == 64 && r.alt != VecOp::Count) ? r.alt : r.op;
  Slot dst = xmm(c.ops[0]);
  vec_to(c, dst, Op::IntToVec, c.read(1), dst, op, imm8(c));
  return true;
}

// ucomis*, comis*, ptest: status flags only.
bool h_sse_flags(Ctx& c) {
  if (!legacy_sse(c)) return false;
  const SseRow& r = row(c);
  if (r.op == VecOp::Count || !is_xmm(c.ops[0])) return false;
  Slot s = src_v(c, 1);
  vec(c, Op::VecFlags, Type::I64, xmm(c.ops[0]), s, r.op);
  return true;
}

// pcmpistri (ecx + flags), pcmpistrm (xmm0 + flags): two rows over the same inputs.
// pcmpistri: the index first and the flags last, so that a jcc right after finds them
// still in the native tier's host flags (ecx is not an input: a memory source was loaded
// already). pcmpistrm: flags first, so that pcmpistrm xmm0, ... still reads the old xmm0.
bool h_sse_pcmpistr(Ctx& c) {
  if (!legacy_sse(c) || !is_xmm(c.ops[0])) return false;
  Slot a = xmm(c.ops[0]);
  Slot s = src_v(c, 1);
  uint8_t imm = imm8(c);
  if (c.insn.mnemonic == ZYDIS_MNEMONIC_PCMPISTRI) {
    Slot idx = vec(c, Op::VecToInt, Type::I32, a, s, VecOp::PCMPISTRI, imm);
    c.emit_to(c.reg(1), Op::Mov, Type::I32, idx);  // ecx, zero-extended into rcx
    vec(c, Op::VecFlags, Type::I64, a, s, VecOp::PCMPISTR_FLAGS, imm);
  } else {
    vec(c, Op::VecFlags, Type::I64, a, s, VecOp::PCMPISTR_FLAGS, imm);
    vec_to(c, ir::xmm_slot(0), Op::Vec, a, s, VecOp::PCMPISTRM, imm);
  }
  return true;
}

// pcmpestri/pcmpestrm: the explicit lengths (rax/eax, rdx/edx) are folded into the
// operands (see PCMPESTR_RANK_A in ir/vecops.cpp), then the implicit-length rows run.
bool h_sse_pcmpestr(Ctx& c) {
  if (!legacy_sse(c) || !is_xmm(c.ops[0])) return false;
  Slot a = xmm(c.ops[0]);
  Slot s = src_v(c, 1);
  uint8_t imm = imm8(c);
  uint8_t mode = imm & 3, len = static_cast<uint8_t>((imm & 1) | (c.insn.raw.rex.W ? 2 : 0));
  Slot ra = vec(c, Op::Vec, Type::V128, a, s, VecOp::PCMPESTR_RANK_A, mode);
  Slot rb = vec(c, Op::Vec, Type::V128, a, s, VecOp::PCMPESTR_RANK_B, mode);
  Slot la = vec(c, Op::IntToVec, Type::V128, c.reg(0), ra, VecOp::PCMPESTR_LEN, len);
  Slot lb = vec(c, Op::IntToVec, Type::V128, c.reg(2), rb, VecOp::PCMPESTR_LEN, len);
  vec(c, Op::VecFlags, Type::I64, la, lb, VecOp::PCMPISTR_FLAGS, imm);
  if (c.insn.mnemonic == ZYDIS_MNEMONIC_PCMPESTRI) {
    Slot idx = vec(c, Op::VecToInt, Type::I32, la, lb, VecOp::PCMPISTRI, imm);
    c.emit_to(c.reg(1), Op::Mov, Type::I32, idx);
  } else {
    vec_to(c, ir::xmm_slot(0), Op::Vec, la, lb, VecOp::PCMPISTRM, imm);
  }
  return true;
}

// movdqa/movdqu/movaps/movups/movapd/movupd/lddqu/movnt*: 128-bit copies.
bool h_sse_mov128(Ctx& c) {
  if (!legacy_sse(c)) return false;
  if (is_xmm(c.ops[0])) {
    Slot dst = xmm(c.ops[0]);
    if (is_xmm(c.ops[1])) c.emit_to(dst, Op::Mov, Type::V128, xmm(c.ops[1]));
    else if (c.is_mem(1)) c.emit_to(dst, Op::Load, Type::V128, c.addr(1));
    else return false;
    return true;
  }
  if (!c.is_mem(0) || !is_xmm(c.ops[1])) return false;
  c.emit(Op::Store, Type::V128, c.addr(0), xmm(c.ops[1]));
  return true;
}

// movd/movq in every legacy-SSE form.
bool h_sse_movdq(Ctx& c) {
  if (!legacy_sse(c)) return false;
  if (is_xmm(c.ops[0])) {
    Slot dst = xmm(c.ops[0]);
    if (is_xmm(c.ops[1])) {  // movq xmm, xmm: low qword, upper zeroed
      Slot s = xmm(c.ops[1]);
      vec_to(c, dst, Op::Vec, s, s, VecOp::MOVQ_ZX);
      return true;
    }
    VecOp op = c.ops[1].size == 64 ? VecOp::MOVQ_TO_XMM : VecOp::MOVD_TO_XMM;
    vec_to(c, dst, Op::IntToVec, c.read(1), ir::kSlotZero, op);
    return true;
  }
  if (!is_xmm(c.ops[1])) return false;
  c.write(0, xmm(c.ops[1]));  // the low slot, read at the destination's width
  return true;
}

// movss/movsd (SSE): loads zero the upper elements, register moves merge, stores write
// the low element.
bool h_sse_movs(Ctx& c) {
  if (!legacy_sse(c)) return false;
  bool dbl = c.insn.mnemonic == ZYDIS_MNEMONIC_MOVSD;
  Type t = dbl ? Type::I64 : Type::I32;
  if (is_xmm(c.ops[0])) {
    Slot dst = xmm(c.ops[0]);
    if (is_xmm(c.ops[1])) {
      vec_to(c, dst, Op::Vec, dst, xmm(c.ops[1]), dbl ? VecOp::MOVSD_MERGE : VecOp::MOVSS_MERGE);
    } else {
      Slot v = c.emit(Op::Load, t, c.addr(1));
      vec_to(c, dst, Op::IntToVec, v, ir::kSlotZero, dbl ? VecOp::MOVQ_TO_XMM : VecOp::MOVD_TO_XMM);
    }
    return true;
  }
  if (!c.is_mem(0) || !is_xmm(c.ops[1])) return false;
  c.emit(Op::Store, t, c.addr(0), xmm(c.ops[1]));
  return true;
}

// MOVSD and CMPSD name both a string instruction (A4..AF in the one-byte map) and an
// SSE2 one.
static bool is_string_form(const Ctx& c) {
  return c.insn.opcode_map == ZYDIS_OPCODE_MAP_DEFAULT && c.insn.opcode >= 0xa4 && c.insn.opcode <= 0xaf;
}
bool h_movsd_any(Ctx& c) { return is_string_form(c) ? h_string(c) : h_sse_movs(c); }
bool h_cmpsd_any(Ctx& c) { return is_string_form(c) ? h_string(c) : h_sse_rm(c); }

// movlps/movhps/movlpd/movhpd (m64 <-> one half), movhlps/movlhps (half <- half).
bool h_sse_movhalf(Ctx& c) {
  if (!legacy_sse(c)) return false;
  ZydisMnemonic m = c.insn.mnemonic;
  if (m == ZYDIS_MNEMONIC_MOVHLPS || m == ZYDIS_MNEMONIC_MOVLHPS) {
    if (!is_xmm(c.ops[0]) || !is_xmm(c.ops[1])) return false;
    bool hl = m == ZYDIS_MNEMONIC_MOVHLPS;
    Slot dst = xmm(c.ops[0]) + (hl ? 0 : 1), src = xmm(c.ops[1]) + (hl ? 1 : 0);
    c.emit_to(static_cast<Slot>(dst), Op::Mov, Type::I64, static_cast<Slot>(src));
    return true;
  }
  unsigned half = (m == ZYDIS_MNEMONIC_MOVHPS || m == ZYDIS_MNEMONIC_MOVHPD) ? 1 : 0;
  if (is_xmm(c.ops[0]) && c.is_mem(1)) {
    Slot v = c.emit(Op::Load, Type::I64, c.addr(1));
    c.emit_to(static_cast<Slot>(xmm(c.ops[0]) + half), Op::Mov, Type::I64, v);
    return true;
  }
  if (c.is_mem(0) && is_xmm(c.ops[1])) {
    c.emit(Op::Store, Type::I64, c.addr(0), static_cast<Slot>(xmm(c.ops[1]) + half));
    return true;
  }
  return false;
}

// crc32 r32/r64, r/m8..64 (SSE4.2): the accumulator rides in a v128 temp so that one
// IntToVec row sees both integers; the result is zero-extended into the destination.
bool h_sse_crc32(Ctx& c) {
  if (!legacy_sse(c) || !c.is_reg(0)) return false;
  Slot acc = vec(c, Op::IntToVec, Type::V128, c.read_as(0, Type::I32), ir::kSlotZero, VecOp::MOVD_TO_XMM);
  Slot r = vec(c, Op::IntToVec, Type::V128, c.read(1), acc, VecOp::CRC32, static_cast<uint8_t>(c.ops[1].size / 8));
  c.emit_to(Ctx::gpr_slot(c.ops[0].reg.value), Op::Mov, Type::I32, r);
  return true;
}

// movnti m32/m64, r: a plain store (non-temporal hints have no architectural effect).
bool h_sse_movnti(Ctx& c) {
  if (!c.is_mem(0)) return false;
  c.write(0, c.read(1));
  return true;
}

bool h_sse_ldmxcsr(Ctx& c) {
  if (!legacy_sse(c) || !c.is_mem(0)) return false;
  // Reserved bits would #GP on hardware; masking them keeps the host's ldmxcsr (run by
  // the interpreter around Fp rows) from faulting in retrace itself.
  Slot v = c.emit(Op::Load, Type::I32, c.addr(0));
  c.emit_to(ir::kSlotMxcsr, Op::And, Type::I32, v, c.konst(Type::I32, 0xffff));
  return true;
}

bool h_sse_stmxcsr(Ctx& c) {
  if (!legacy_sse(c) || !c.is_mem(0)) return false;
  c.emit(Op::Store, Type::I32, c.addr(0), ir::kSlotMxcsr);
  return true;
}

// VEX-encoded mnemonics glibc's ifuncs would pick on an AVX machine: named refusals.
bool h_avx(Ctx& c) {
  c.why = "AVX";
  return false;
}

}  // namespace retrace::x86
