// Handlers: x87, fxsave/fxrstor, xsave family, xgetbv.
//
// One table maps (mnemonic, operand shape) to a row of ir/x87ops.def; every x87 instruction
// becomes one X87 IR op (a = memory address or the zero slot, b = integer operand, imm =
// st(i) | FOP | pc, see ir::x87_imm). The shapes:
//
//   M16 M32 M64 M80   memory operand of that size         fadd m32, fild m64, fstp m80
//   M                 memory operand of any size          fldenv, fxsave, xsave
//   R                 st(i), any operand order            fld st(i), fxch, fcomi st0, st(i)
//   R0 / Ri           st0 op= st(i) / st(i) op= st0       the two non-popping arithmetic forms
//   N                 no explicit operand                 fld1, fsin, fcompp
#include "frontend/x86/context.h"
#include "ir/x87.h"

namespace retrace::x86 {
namespace {

using ir::X87Op;

enum class Shape : uint8_t { M16, M32, M64, M80, M, R, R0, Ri, N };

struct Form {
  ZydisMnemonic mnemonic;
  Shape shape;
  X87Op row;
};

#define F(m, sh, row) {ZYDIS_MNEMONIC_##m, Shape::sh, X87Op::row}
#define ARITH(m)                                                                     \
  F(m, M32, m##_M32), F(m, M64, m##_M64), F(m, R0, m##_ST0_STI), F(m, Ri, m##_STI_ST0), \
      F(m##P, R, m##P_STI)
#define IARITH(m) F(FI##m, M16, FI##m##_M16), F(FI##m, M32, FI##m##_M32)
constexpr Form kForms[] = {
    F(FLD, M32, FLD_M32), F(FLD, M64, FLD_M64), F(FLD, M80, FLD_M80), F(FLD, R, FLD_STI),
    F(FILD, M16, FILD_M16), F(FILD, M32, FILD_M32), F(FILD, M64, FILD_M64), F(FBLD, M80, FBLD_M80),
    F(FST, M32, FST_M32), F(FST, M64, FST_M64), F(FST, R, FST_STI),
    F(FSTP, M32, FSTP_M32), F(FSTP, M64, FSTP_M64), F(FSTP, M80, FSTP_M80), F(FSTP, R, FSTP_STI),
    F(FIST, M16, FIST_M16), F(FIST, M32, FIST_M32),
    F(FISTP, M16, FISTP_M16), F(FISTP, M32, FISTP_M32), F(FISTP, M64, FISTP_M64),
    F(FISTTP, M16, FISTTP_M16), F(FISTTP, M32, FISTTP_M32), F(FISTTP, M64, FISTTP_M64),
    F(FBSTP, M80, FBSTP_M80),
    F(FLD1, N, FLD1), F(FLDZ, N, FLDZ), F(FLDPI, N, FLDPI), F(FLDL2E, N, FLDL2E),
    F(FLDL2T, N, FLDL2T), F(FLDLG2, N, FLDLG2), F(FLDLN2, N, FLDLN2),
    F(FXCH, R, FXCH_STI), F(FSTPNCE, R, FSTP_STI),
    F(FCMOVB, R, FCMOV_STI), F(FCMOVE, R, FCMOV_STI), F(FCMOVBE, R, FCMOV_STI), F(FCMOVU, R, FCMOV_STI),
    F(FCMOVNB, R, FCMOV_STI), F(FCMOVNE, R, FCMOV_STI), F(FCMOVNBE, R, FCMOV_STI), F(FCMOVNU, R, FCMOV_STI),
    ARITH(FADD), ARITH(FSUB), ARITH(FSUBR), ARITH(FMUL), ARITH(FDIV), ARITH(FDIVR),
    IARITH(ADD), IARITH(SUB), IARITH(SUBR), IARITH(MUL), IARITH(DIV), IARITH(DIVR),
    F(FCHS, N, FCHS), F(FABS, N, FABS), F(FSQRT, N, FSQRT), F(FPREM, N, FPREM), F(FPREM1, N, FPREM1),
    F(FRNDINT, N, FRNDINT), F(FSCALE, N, FSCALE), F(FXTRACT, N, FXTRACT), F(F2XM1, N, F2XM1),
    F(FYL2X, N, FYL2X), F(FYL2XP1, N, FYL2XP1), F(FPTAN, N, FPTAN), F(FPATAN, N, FPATAN),
    F(FSIN, N, FSIN), F(FCOS, N, FCOS), F(FSINCOS, N, FSINCOS), F(FTST, N, FTST), F(FXAM, N, FXAM),
    F(FINCSTP, N, FINCSTP), F(FDECSTP, N, FDECSTP), F(FNOP, N, FNOP),
    F(FDISI8087_NOP, N, FNOP), F(FENI8087_NOP, N, FNOP), F(FSETPM287_NOP, N, FNOP),  // 8087/287 leftovers
    F(FFREE, R, FFREE_STI), F(FFREEP, R, FFREEP_STI),
    F(FCOM, M32, FCOM_M32), F(FCOM, M64, FCOM_M64), F(FCOM, R, FCOM_STI),
    F(FCOMP, M32, FCOMP_M32), F(FCOMP, M64, FCOMP_M64), F(FCOMP, R, FCOMP_STI), F(FCOMPP, N, FCOMPP),
    F(FUCOM, R, FUCOM_STI), F(FUCOMP, R, FUCOMP_STI), F(FUCOMPP, N, FUCOMPP),
    F(FICOM, M16, FICOM_M16), F(FICOM, M32, FICOM_M32), F(FICOMP, M16, FICOMP_M16), F(FICOMP, M32, FICOMP_M32),
    F(FCOMI, R, FCOMI_STI), F(FCOMIP, R, FCOMIP_STI), F(FUCOMI, R, FUCOMI_STI), F(FUCOMIP, R, FUCOMIP_STI),
    F(FNINIT, N, FNINIT), F(FNCLEX, N, FNCLEX), F(FLDCW, M, FLDCW), F(FNSTCW, M, FNSTCW),
    F(FWAIT, N, FWAIT), F(FLDENV, M, FLDENV), F(FNSTENV, M, FNSTENV), F(FRSTOR, M, FRSTOR), F(FNSAVE, M, FNSAVE),
    F(FXSAVE, M, FXSAVE), F(FXSAVE64, M, FXSAVE64), F(FXRSTOR, M, FXRSTOR), F(FXRSTOR64, M, FXRSTOR64),
    F(XSAVE, M, XSAVE), F(XSAVE64, M, XSAVE64), F(XSAVEOPT, M, XSAVEOPT), F(XSAVEOPT64, M, XSAVEOPT64),
    F(XSAVEC, M, XSAVEC), F(XSAVEC64, M, XSAVEC64), F(XRSTOR, M, XRSTOR), F(XRSTOR64, M, XRSTOR64),
};
#undef IARITH
#undef ARITH
#undef F

const Form* find(ZydisMnemonic m, Shape want, Shape fallback) {
  const Form* fb = nullptr;
  for (const Form& f : kForms) {
    if (f.mnemonic != m) continue;
    if (f.shape == want) return &f;
    if (f.shape == fallback) fb = &f;
  }
  return fb;
}

// fcmovcc's condition as an x86 condition code (Cc order), evaluated by the frontend.
int fcmov_cc(ZydisMnemonic m) {
  switch (m) {
    case ZYDIS_MNEMONIC_FCMOVB: return static_cast<int>(ir::Cc::B);
    case ZYDIS_MNEMONIC_FCMOVNB: return static_cast<int>(ir::Cc::AE);
    case ZYDIS_MNEMONIC_FCMOVE: return static_cast<int>(ir::Cc::E);
    case ZYDIS_MNEMONIC_FCMOVNE: return static_cast<int>(ir::Cc::NE);
    case ZYDIS_MNEMONIC_FCMOVBE: return static_cast<int>(ir::Cc::BE);
    case ZYDIS_MNEMONIC_FCMOVNBE: return static_cast<int>(ir::Cc::A);
    case ZYDIS_MNEMONIC_FCMOVU: return static_cast<int>(ir::Cc::P);
    case ZYDIS_MNEMONIC_FCMOVNU: return static_cast<int>(ir::Cc::NP);
    default: return -1;
  }
}

bool is_st(const ZydisDecodedOperand& o) {
  return o.type == ZYDIS_OPERAND_TYPE_REGISTER && ZydisRegisterGetClass(o.reg.value) == ZYDIS_REGCLASS_X87;
}

bool is_xsave(ZydisMnemonic m) {
  switch (m) {
    case ZYDIS_MNEMONIC_XSAVE: case ZYDIS_MNEMONIC_XSAVE64: case ZYDIS_MNEMONIC_XSAVEOPT:
    case ZYDIS_MNEMONIC_XSAVEOPT64: case ZYDIS_MNEMONIC_XSAVEC: case ZYDIS_MNEMONIC_XSAVEC64:
    case ZYDIS_MNEMONIC_XRSTOR: case ZYDIS_MNEMONIC_XRSTOR64: return true;
    default: return false;
  }
}

}  // namespace

bool h_x87(Ctx& c) {
  const ZydisMnemonic m = c.insn.mnemonic;
  int mem = -1;
  unsigned sti = 0;
  Shape want = Shape::N, fallback = Shape::N;
  for (unsigned k = 0; k < c.nops(); ++k) {
    if (c.is_mem(static_cast<int>(k))) mem = static_cast<int>(k);
  }
  if (mem >= 0) {
    switch (c.ops[mem].size) {
      case 16: want = Shape::M16; break;
      case 32: want = Shape::M32; break;
      case 64: want = Shape::M64; break;
      case 80: want = Shape::M80; break;
      default: want = Shape::M; break;
    }
    fallback = Shape::M;
  } else if (c.nops() >= 1 && is_st(c.ops[0])) {
    // st(i) is the operand that is not st0 (or st0 itself for st0, st0).
    bool dest_sti = c.ops[0].reg.value != ZYDIS_REGISTER_ST0;
    ZydisRegister r = dest_sti || c.nops() < 2 ? c.ops[0].reg.value : c.ops[1].reg.value;
    sti = static_cast<unsigned>(r - ZYDIS_REGISTER_ST0);
    want = dest_sti ? Shape::Ri : Shape::R0;
    fallback = Shape::R;
  } else if (c.nops() != 0 && m != ZYDIS_MNEMONIC_FNSTSW) {
    c.why = "unexpected x87 operand";
    return false;
  }
  const Form* f = m == ZYDIS_MNEMONIC_FNSTSW ? nullptr : find(m, want, fallback);
  if (m == ZYDIS_MNEMONIC_FNSTSW) {
    static constexpr Form kFnstsw{ZYDIS_MNEMONIC_FNSTSW, Shape::N, X87Op::FNSTSW};
    f = &kFnstsw;
  }
  if (!f) {
    c.why = "x87 form not implemented";
    return false;
  }
  const unsigned flags = ir::kX87Ops[static_cast<unsigned>(f->row)].flags;
  if ((flags & ir::x87f::ENV) || f->row == X87Op::FLDENV || f->row == X87Op::FRSTOR) {
    if (c.insn.attributes & ZYDIS_ATTRIB_HAS_OPERANDSIZE) {
      c.why = "16-bit x87 environment format";
      return false;
    }
  }
  // FOP: the low 3 bits of the first opcode byte and the ModRM byte.
  const auto& mr = c.insn.raw.modrm;
  unsigned fop = ((c.insn.opcode & 7u) << 8) | (mr.mod << 6) | (mr.reg << 3) | mr.rm;
  Slot a = mem >= 0 && m != ZYDIS_MNEMONIC_FNSTSW ? c.addr(mem) : ir::kSlotZero;
  Slot b = ir::kSlotZero;
  if (int cc = fcmov_cc(m); cc >= 0) {
    b = c.emit(Op::Zext, Type::I64, c.cond(static_cast<unsigned>(cc)), ir::kNoSlot, ir::kNoSlot, 0,
               static_cast<uint8_t>(Type::I1));
  } else if (is_xsave(m)) {  // requested-feature bitmap edx:eax
    Slot lo = c.emit(Op::Zext, Type::I64, c.reg(0), ir::kNoSlot, ir::kNoSlot, 0, static_cast<uint8_t>(Type::I32));
    Slot hi = c.emit(Op::Shl, Type::I64, c.reg(2), c.konst(Type::I8, 32));
    b = c.emit(Op::Or, Type::I64, lo, hi);
  }
  Slot r = c.b.emit_id(Op::X87, Type::I64, a, b, ir::x87_id(f->row), ir::x87_imm(sti, fop, c.pc));
  if (m == ZYDIS_MNEMONIC_FNSTSW) c.write(0, r);  // ax or m16
  return true;
}

// xgetbv: XCR0 = x87 | SSE (what retrace's xsave implements). Only ecx = 0 is defined here.
bool h_xgetbv(Ctx& c) {
  c.write_reg(ZYDIS_REGISTER_EAX, c.konst(Type::I32, 3));
  c.write_reg(ZYDIS_REGISTER_EDX, c.konst(Type::I32, 0));
  return true;
}

}  // namespace retrace::x86
